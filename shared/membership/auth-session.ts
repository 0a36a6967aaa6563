/**
 * One connection's proving, both ways (the protocol: peer-auth.ts). Each end
 * sends its challenge at once, answers the other's challenge with its proof,
 * and checks the other's proof with the Authenticator; a newcomer it admits
 * gets its admission record. `verified` fires once the other end is proven:
 * only then may anything of the workspace go to it. A failed check sends the
 * reason and closes; a refusal received is reported and closes too.
 */
import { AuthWireError, decodeAuthMessage, encodeAuthMessage, newNonce, transcript, type Proof, type RefusalReason } from './peer-auth';
import type { MemberRef } from './membership-record';
import type { AuthorStanding } from '../sync/signed-changes/signed-change-log';

export interface VerifiedPeer {
  readonly member: MemberRef;
  /** How the peer got in: a proven member, a newcomer this end admitted, or an open (pre-membership) workspace. */
  readonly as: 'member' | 'newcomer' | 'open';
  /** The key that proved, when it is another device of `member` (devices.ts). */
  readonly device?: string;
}

/**
 * `soon`: the refusal may mend itself in moments (a peer still on a workspace
 * from before proven membership, about to adopt its founder), so the peer is
 * not kept at a distance as for a lasting refusal.
 */
export type CheckResult = { readonly ok: true; readonly peer: VerifiedPeer; readonly admission?: string } | { readonly ok: false; readonly reason: RefusalReason; readonly soon?: true };

/** What this device knows and can sign; workspace-membership.ts implements it. */
export interface Authenticator {
  /** This end's proof, signed over the transcript built for `member` (this end's own). */
  prove(transcriptFor: (member: MemberRef) => Uint8Array): Promise<Proof>;
  /** Checks the other end's proof; `transcriptFor` builds what it should have signed. */
  check(proof: Proof, transcriptFor: (member: MemberRef) => Uint8Array): Promise<CheckResult>;
  /** A member we proved ourselves to as a newcomer admitted us with this record. */
  accept(record: string, admittedBy: VerifiedPeer): Promise<void>;
  /** Whether a peer proven earlier on a connection still belongs (it may have been removed since). */
  admits?(peer: VerifiedPeer): Promise<boolean>;
  /** Member ids (as presence carries them) of members removed: their presence is not shown or kept. */
  removedMemberIds?(): Promise<ReadonlySet<string>>;
  /** Calls `listener` when who belongs may have changed. */
  onChange?(listener: () => void): () => void;
  /** With these three, document changes are signed and checked on receive (shared/sync/signed-changes). */
  standingOf?(publicKey: string): Promise<AuthorStanding>;
  trustedFounderKey?(): string | null;
  readonly signer?: { readonly publicKeyB64: string; sign(message: Uint8Array): Promise<Uint8Array> };
  /** Rotation records a proven member handed over from a lobby on an old key (key-rotation.ts). */
  acceptRotation?(records: readonly string[], from: VerifiedPeer): Promise<void>;
  /** The member with this key as the member list names them (also when removed since). */
  memberNamed?(publicKey: string): Promise<MemberRef | undefined>;
}

export interface AuthLink {
  send(bytes: Uint8Array): void;
  close(): void;
}

export interface AuthBinding {
  readonly room: string;
  readonly localFingerprint: string;
  readonly remoteFingerprint: string;
}

/**
 * The binding, or how to get it once it is known: a peer's first message can
 * arrive before this end's own remote description is readable (the data
 * channel opens on the network thread while setting it still resolves), so
 * it is read when a proof is made or checked. Undefined: it never became
 * known, and the connection is refused rather than proven loosely.
 */
export type BindingSource = AuthBinding | (() => Promise<AuthBinding | undefined>);

export interface AuthEvents {
  verified(peer: VerifiedPeer): void;
  /** `byThem`: the other end refused us; otherwise we refused them (`soon`: see CheckResult). */
  failed(reason: RefusalReason, byThem: boolean, soon?: boolean): void;
}

export class AuthSession {
  private readonly nonce = newNonce();
  private theirNonce: string | undefined;
  private peer: VerifiedPeer | undefined;
  private done = false;
  /** Messages are handled one after another: a proof's check is asynchronous. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: AuthLink,
    private readonly auth: Authenticator,
    private readonly binding: BindingSource,
    private readonly events: AuthEvents,
  ) {
    link.send(encodeAuthMessage({ kind: 'challenge', nonce: this.nonce }));
  }

  get verifiedPeer(): VerifiedPeer | undefined {
    return this.peer;
  }

  receive(bytes: Uint8Array): void {
    this.queue = this.queue.then(() => this.handle(bytes)).catch((error: unknown) => {
      console.warn('Peer auth: a message could not be handled', error);
      this.fail('badProof', false);
    });
  }

  /** Gives up on this connection (e.g. no proof in time). */
  fail(reason: RefusalReason, byThem: boolean, soon = false): void {
    if (this.done) return;
    this.done = true;
    if (!byThem) this.link.send(encodeAuthMessage({ kind: 'refused', reason }));
    this.events.failed(reason, byThem, soon);
    this.link.close();
  }

  private bindingRead: Promise<AuthBinding | undefined> | undefined;

  /** The binding once known; when it never is, the connection is refused and this gives undefined. */
  private async bindingNow(): Promise<AuthBinding | undefined> {
    // Read once: a challenge and a proof both need it, and it cannot change on one connection.
    this.bindingRead ??= typeof this.binding === 'function' ? this.binding() : Promise.resolve(this.binding);
    const binding = await this.bindingRead;
    if (!binding) this.fail('badProof', false);
    return this.done ? undefined : binding;
  }

  private async handle(bytes: Uint8Array): Promise<void> {
    if (this.done) return;
    let message;
    try {
      message = decodeAuthMessage(bytes);
    } catch (error) {
      this.fail(error instanceof AuthWireError && error.problem === 'otherVersion' ? 'otherVersion' : 'badProof', false);
      return;
    }
    switch (message.kind) {
      case 'challenge': {
        const binding = await this.bindingNow();
        if (!binding) return;
        const { room, localFingerprint, remoteFingerprint } = binding;
        const theirNonce = message.nonce;
        this.theirNonce = theirNonce;
        const proof = await this.auth.prove((member) =>
          transcript({ room, proverFingerprint: localFingerprint, verifierFingerprint: remoteFingerprint, proverNonce: this.nonce, verifierNonce: theirNonce, member }),
        );
        if (!this.done) this.link.send(encodeAuthMessage({ kind: 'proof', proof }));
        break;
      }
      case 'proof': {
        if (this.peer || this.theirNonce === undefined) return this.fail('badProof', false);
        const binding = await this.bindingNow();
        if (!binding) return;
        const { room, localFingerprint, remoteFingerprint } = binding;
        const theirNonce = this.theirNonce;
        const result = await this.auth.check(message.proof, (member) =>
          transcript({ room, proverFingerprint: remoteFingerprint, verifierFingerprint: localFingerprint, proverNonce: theirNonce, verifierNonce: this.nonce, member }),
        );
        if (this.done) return;
        if (!result.ok) return this.fail(result.reason, false, result.soon);
        this.peer = result.peer;
        if (result.admission) this.link.send(encodeAuthMessage({ kind: 'admitted', record: result.admission }));
        this.events.verified(result.peer);
        break;
      }
      case 'admitted':
        if (this.peer) await this.auth.accept(message.record, this.peer);
        break;
      case 'rotated':
        if (this.peer) await this.auth.acceptRotation?.(message.records, this.peer);
        break;
      case 'refused':
        this.fail(message.reason, true);
        break;
    }
  }
}
