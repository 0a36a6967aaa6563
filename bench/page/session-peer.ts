/**
 * One session participant on the session benchmark page: a Y.Doc synced
 * through the app's own WorkspaceSync (whatever it does underneath), plus the
 * page-side halves of the measurements. One page per browser context, since
 * y-webrtc keeps one room per name per JS realm.
 *
 * The document's content and checksum are seed-state.ts's: every incumbent
 * holds exactly the same seed before it connects, so the peers have nothing
 * of it to exchange; `members` gets one small entry per incumbent, its own
 * client id, so convergence needs every peer's own edit to reach every other
 * peer.
 *
 * Keystroke latency: each keystroke inserts one character, which takes one
 * clock of the typist's client id. A receiver notes, in `afterTransaction`,
 * the wall time at which each of the typist's clocks became part of its
 * document, so the content carries no extra marker and costs nothing extra.
 * Both ends read `performance.timeOrigin + performance.now()`; all pages run
 * on one machine, so their clocks agree to well under a millisecond.
 */
import * as Y from 'yjs';
import { upsertSelf } from '../../shared/workspace-doc/members';
import { addIdea } from '../../shared/workspace-doc/ideas';
import { WorkspaceSync } from '../../shared/sync/webrtc/workspace-sync';
import { sentCount } from './send-counter';
import { generateIdentityKeys, type IdentityKeys } from '../../shared/crypto/identity-keys';
import { signMandateRecord } from '../../shared/mandates/mandate-record';
import { decodeInvite } from '../../shared/invite/invite-code';
import { WorkspaceMembership } from '../../shared/membership/workspace-membership';
import { applySeed, ownInterestText, provenSeed, type ProvenMember } from './proven-workspace';
import { checksumOf, randomString, seedCharsOf, seedUpdate } from './seed-state';
import { seededUint32 } from '../../shared/sync/seeded-random';

/** Waits re-check this often besides reacting to document and awareness events (the peer count has no event of its own). */
const WAIT_POLL_MS = 100;

/** What the typed characters cycle through: text a user might type. */
const TYPED = 'energie regio samen ';

let doc = new Y.Doc();
let sync: WorkspaceSync | null = null;

const wallNow = (): number => performance.timeOrigin + performance.now();

// --- content ----------------------------------------------------------------

function seedChars(): number {
  return seedCharsOf(doc);
}

export function checksum(): Promise<string> {
  return checksumOf(doc);
}

// --- joining ----------------------------------------------------------------

export interface StartOptions {
  readonly hubUrl: string;
  readonly workspaceId: string;
  readonly key: string;
  /** Index of this peer in the session, for its presence and member entry. */
  readonly index: number;
  /** Seed state to hold before connecting (0: join empty). */
  readonly seedChars: number;
  /** Add an own entry to `members` before connecting. */
  readonly memberEntry: boolean;
  /** Who this peer says it is in presence (default: "Deelnemer <index>"). */
  readonly displayName?: string;
  /** Write this member's own profile, as the app does on joining, so partners list it under Mensen (and can remove it). */
  readonly profile?: boolean;
  /**
   * Join as a newcomer with this invite code (from the app), proving itself as
   * the app does. Without one the peers form an open workspace (as from before
   * proven membership): every holder of the key is let in.
   */
  readonly invite?: string;
  /** The organisation this peer belongs to (default: one of seven by index). */
  readonly organisationName?: string;
  /** Hold this proven workspace's seed (bench/page/proven-workspace.ts) before connecting, trusting its founder. */
  readonly proven?: { readonly founderKey: string; readonly seed: string };
}

export interface Started {
  readonly clientId: number;
  /** When WorkspaceSync.start was called (ms since epoch): key derivation, signaling and ICE all come after. */
  readonly startedAt: number;
  /** Size of the whole document as one update when this peer started. */
  readonly encodedBytes: number;
}

/** This peer's member id and keys, once started (the keys already when asked for them first). */
let selfMemberId = '';
let selfKeys: IdentityKeys | undefined;
let selfOrganisationName = '';

/** Makes this peer's keys before it starts, so a founder can admit it: its public key. */
export async function prepareIdentity(): Promise<string> {
  selfKeys ??= await generateIdentityKeys();
  return selfKeys.publicKeyB64;
}

/** On the founder's page (members[0] is this peer): the proven workspace's seed for everyone. */
export async function makeProvenSeed(workspaceId: string, members: ProvenMember[]): Promise<string> {
  if (!selfKeys) throw new Error('prepareIdentity first');
  return provenSeed(selfKeys, workspaceId, members);
}

export async function start(options: StartOptions): Promise<Started> {
  if (sync) throw new Error('already started');
  doc.destroy();
  doc = new Y.Doc();
  if (options.seedChars > 0) Y.applyUpdate(doc, seedUpdate(options.seedChars));
  if (options.memberEntry) doc.getMap<string>('members').set(`m${String(options.index).padStart(3, '0')}`, `peer ${options.index} client ${doc.clientID}`);
  const encodedBytes = Y.encodeStateAsUpdate(doc).byteLength;
  if (options.proven) applySeed(doc, options.proven.seed);
  const keys = selfKeys ?? (await generateIdentityKeys());
  selfMemberId = keys.memberId;
  selfKeys = keys;
  const displayName = options.displayName ?? `Deelnemer ${options.index}`;
  const organisationName = options.organisationName ?? `Organisatie ${options.index % 7}`;
  selfOrganisationName = organisationName;
  if (options.profile) upsertSelf(doc, { memberId: keys.memberId, displayName, organisationName, role: 'Deelnemer', publicKey: keys.publicKeyB64, joinedAt: Date.now() });
  const founderKey = options.proven?.founderKey ?? (options.invite ? ((await decodeInvite(options.invite)).founderKey ?? null) : null);
  const membership = new WorkspaceMembership(doc, {
    workspaceId: options.workspaceId,
    founderKey,
    self: { memberId: keys.memberId, publicKeyB64: keys.publicKeyB64, privateKey: keys.privateKey, displayName, organisationName },
    ...(options.invite ? { inviteCode: options.invite } : {}),
  });
  const startedAt = Date.now();
  sync = await WorkspaceSync.start(doc, {
    workspaceId: options.workspaceId,
    key: options.key,
    signalingUrls: [options.hubUrl],
    iceServers: [],
    user: { memberId: keys.memberId, displayName, organisationName },
    online: true,
    membership,
  });
  return { clientId: doc.clientID, startedAt, encodedBytes };
}

function requireSync(): WorkspaceSync {
  if (!sync) throw new Error('not started');
  return sync;
}

export interface PeerView {
  /** Awareness states this peer holds (its own included): whom it knows to be in the session. */
  readonly awareness: number;
  readonly members: number;
  readonly seedChars: number;
  /** Direct connections by the app's own status (0 when looking or offline). */
  readonly directPeers: number;
  readonly status: string;
}

function view(): PeerView {
  const s = requireSync().status();
  return {
    awareness: requireSync().awareness.getStates().size,
    members: doc.getMap('members').size,
    seedChars: seedChars(),
    directPeers: 'peers' in s ? s.peers : 0,
    status: s.kind,
  };
}

export interface ConvergeTarget {
  readonly awareness: number;
  readonly members: number;
  readonly seedChars: number;
  readonly timeoutMs: number;
}

export interface ConvergeResult extends PeerView {
  /** When this peer first knew all peers and held all content (ms since epoch); null if not within the timeout. */
  readonly reachedAt: number | null;
  readonly checksum: string;
}

/** Resolves (never rejects on timeout) once this peer sees everyone and holds everything, or when time is up. */
export async function waitConverged(target: ConvergeTarget): Promise<ConvergeResult> {
  const current = requireSync();
  const reached = (): boolean => {
    const v = view();
    return v.awareness >= target.awareness && v.members >= target.members && v.seedChars >= target.seedChars;
  };
  let reachedAt: number | null = null;
  await new Promise<void>((resolve) => {
    const check = (): void => {
      if (reachedAt === null && reached()) reachedAt = Date.now();
      if (reachedAt !== null) finish();
    };
    const timer = setInterval(check, WAIT_POLL_MS);
    const giveUp = setTimeout(() => finish(), target.timeoutMs);
    const finish = (): void => {
      clearInterval(timer);
      clearTimeout(giveUp);
      doc.off('update', check);
      current.awareness.off('change', check);
      resolve();
    };
    doc.on('update', check);
    current.awareness.on('change', check);
    check();
  });
  return { ...view(), reachedAt, checksum: await checksum() };
}

export function clientId(): number {
  return doc.clientID;
}

export function peerView(): PeerView {
  return view();
}

/** Resolves when this peer has signaling and has finished y-webrtc's join work (it posts the whole document to its BroadcastChannel). */
export async function waitReady(encodedBytes: number, timeoutMs: number): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const s = requireSync().status();
    if (s.kind !== 'offline' && sentCount().broadcastBytes >= encodedBytes) return;
    if (Date.now() > giveUpAt) throw new Error(`not ready after ${timeoutMs} ms: status ${s.kind}, ${sentCount().broadcastBytes}/${encodedBytes} bytes broadcast`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
}

// --- one edit ---------------------------------------------------------------

/** One edit of `chars` fresh random characters; returns its time and the size of the Yjs update it made. */
export function edit(key: string, chars: number): { editedAt: number; updateBytes: number } {
  const value = randomString(chars);
  let updateBytes = 0;
  const count = (update: Uint8Array): void => {
    updateBytes += update.byteLength;
  };
  doc.on('update', count);
  const editedAt = Date.now();
  doc.getMap<string>('state').set(key, value);
  doc.off('update', count);
  return { editedAt, updateBytes };
}

/** Resolves with when entry `key` held `chars` characters here, or null if it did not within the timeout. */
export async function waitEntry(key: string, chars: number, timeoutMs: number): Promise<number | null> {
  const has = (): boolean => doc.getMap<string>('state').get(key)?.length === chars;
  if (has()) return Date.now();
  return new Promise((resolve) => {
    const check = (): void => {
      if (!has()) return;
      finish(Date.now());
    };
    const giveUp = setTimeout(() => finish(null), timeoutMs);
    const finish = (at: number | null): void => {
      clearTimeout(giveUp);
      doc.off('update', check);
      resolve(at);
    };
    doc.on('update', check);
  });
}

// --- typing -----------------------------------------------------------------

/** Per typist client id: clock → wall time it arrived here. */
let arrivals = new Map<number, Map<number, number>>();
let stopObserving = (): void => {};

/** Starts noting when each clock of the given typists' client ids arrives. */
export function observeTyping(typistIds: number[]): void {
  stopObserving();
  arrivals = new Map(typistIds.map((id) => [id, new Map<number, number>()]));
  const onTransaction = (tr: Y.Transaction): void => {
    const at = wallNow();
    for (const [id, seen] of arrivals) {
      const before = tr.beforeState.get(id) ?? 0;
      const after = tr.afterState.get(id) ?? 0;
      for (let clock = before; clock < after; clock++) if (!seen.has(clock)) seen.set(clock, at);
    }
  };
  doc.on('afterTransaction', onTransaction);
  stopObserving = () => doc.off('afterTransaction', onTransaction);
}

/** Resolves true once this document holds every typist's clocks below its target, false at the timeout. */
export async function waitTyped(targets: Record<string, number>, timeoutMs: number): Promise<boolean> {
  const done = (): boolean => Object.entries(targets).every(([id, clocks]) => Y.getState(doc.store, Number(id)) >= clocks);
  const giveUpAt = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > giveUpAt) return false;
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
  return true;
}

/** Per typist client id, [clock, arrival wall time] pairs. */
export function typingArrivals(): Record<string, Array<[number, number]>> {
  stopObserving();
  const out: Record<string, Array<[number, number]>> = {};
  for (const [id, seen] of arrivals) out[String(id)] = [...seen];
  return out;
}

export interface TypingOptions {
  /** The shared `notes` text (default), or this peer's own organisation's interest (a proven workspace). */
  readonly into?: 'notes' | 'ownInterest';
  readonly durationMs: number;
  readonly charsPerSecond: number;
  /** Where this typist's caret starts in `notes`; typists start apart, like people in different paragraphs. */
  readonly startIndex: number;
}

export interface Typed {
  readonly clientId: number;
  /** [clock of the inserted character, wall time of the keystroke]. */
  readonly keystrokes: Array<[number, number]>;
}

/**
 * Types for `durationMs` at `charsPerSecond`, each keystroke one character at
 * the caret, followed by the caret in awareness (y-prosemirror's shape:
 * relative positions as JSON), so presence traffic is part of the figure.
 */
export async function typeText({ into = 'notes', durationMs, charsPerSecond, startIndex }: TypingOptions): Promise<Typed> {
  const current = requireSync();
  const text = into === 'notes' ? doc.getText('notes') : ownInterestText(doc, selfOrganisationName);
  const clientOf = (): number => doc.clientID;
  let caret = Y.createRelativePositionFromTypeIndex(text, Math.min(startIndex, text.length));
  const keystrokes: Array<[number, number]> = [];
  const intervalMs = 1000 / charsPerSecond;
  const count = Math.floor(durationMs / intervalMs);
  const began = performance.now();
  for (let k = 0; k < count; k++) {
    // Scheduled against the start, so a late timer does not slow the typing down.
    const wait = began + k * intervalMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const index = Y.createAbsolutePositionFromRelativePosition(caret, doc)?.index ?? text.length;
    const clock = Y.getState(doc.store, clientOf());
    keystrokes.push([clock, wallNow()]);
    text.insert(index, TYPED[k % TYPED.length] as string);
    caret = Y.createRelativePositionFromTypeIndex(text, index + 1, -1);
    const json = Y.relativePositionToJSON(caret) as unknown;
    current.awareness.setLocalStateField('cursor', { anchor: json, head: json });
  }
  return { clientId: clientOf(), keystrokes };
}

// --- fuzzing (test/e2e/mesh-fuzz.spec.ts) -------------------------------------

/** One random edit chosen by `seed`: insert into or delete from the shared text, or set a map entry. */
export function fuzzEdit(seed: number, label: string): void {
  const next = seededUint32(seed);
  const text = doc.getText('notes');
  const roll = next() % 10;
  if (roll < 3 && text.length > 4) text.delete(next() % (text.length - 2), 1 + (next() % 2));
  else if (roll < 7) text.insert(next() % (text.length + 1), `${label} `);
  else doc.getMap<string>('state').set(`f${next() % 5}`, label);
}

// --- a flooding peer (test/e2e/flooding-peer.spec.ts) --------------------------

/**
 * Makes `perSecond` document updates a second for `durationMs`, each its own
 * transaction (so each is its own broadcast), in bursts of one timer tick:
 * what a broken or hostile client could do, far above any person's typing.
 * Each tick makes up whatever the rate asks by now, so the rate holds also
 * when a loaded machine or a throttled page runs the timer far slower than
 * asked (with a fixed burst per tick, one CI run flooded below the limit and
 * nothing was held back). Returns how many updates it made.
 */
export async function flood(durationMs: number, perSecond: number): Promise<number> {
  // Into its own profile, where the write rules let a member write (a root the app does not know would be refused).
  const members = doc.getMap<unknown>('members');
  if (!(members.get(selfMemberId) instanceof Y.Map)) members.set(selfMemberId, new Y.Map());
  const map = members.get(selfMemberId) as Y.Map<number>;
  const tickMs = 50;
  const began = performance.now();
  let made = 0;
  for (let elapsed = 0; elapsed < durationMs; elapsed = performance.now() - began) {
    const due = Math.ceil((perSecond * Math.min(durationMs, elapsed + tickMs)) / 1000);
    while (made < due) map.set(`flood${made % 64}`, made++);
    await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  return made;
}

// --- a hostile member (test/e2e/hostile-member.spec.ts) ------------------------

/** How many junk entries the hostile member writes at once. */
export const JUNK_ENTRIES = 10_000;

/**
 * What a member whose client was modified could send, each its own change:
 * another organisation's interests, a forged stance on every goal, itself
 * the mandate of every organisation (signed by itself), a mandate record
 * signed by someone else, 10,000 junk entries, and a clear-all of every
 * root; and one change that keeps the rules (an idea of its own), which
 * partners take and show as its.
 */
export async function misbehave(ideaTitle: string): Promise<void> {
  if (!selfKeys) throw new Error('not started');
  const workspaceId = String(doc.getMap<unknown>('meta').get('workspaceId'));
  const mandates = doc.getMap<unknown>('mandates');
  const organisationIds = [...doc.getMap<unknown>('organisations').keys()];
  const self = selfKeys;
  const claims = await Promise.all(
    organisationIds.map((organisationId) => signMandateRecord({ v: 1, kind: 'granted', workspaceId, organisationId, subject: self.publicKeyB64, signer: self.publicKeyB64, at: Date.now() }, self.privateKey)),
  );
  const someoneElse = await generateIdentityKeys();
  const relayed = await Promise.all(
    organisationIds.map((organisationId) =>
      signMandateRecord({ v: 1, kind: 'granted', workspaceId, organisationId, subject: someoneElse.publicKeyB64, signer: someoneElse.publicKeyB64, at: Date.now() }, someoneElse.privateKey),
    ),
  );
  doc.transact(() => {
    for (const record of claims) mandates.set(record.id, record.text);
  });
  doc.transact(() => {
    for (const record of relayed) mandates.set(record.id, record.text);
  });
  const interests = doc.getMap<unknown>('interests');
  doc.transact(() => {
    doc.getMap<unknown>('organisations').forEach((_org, id) => {
      const entry = interests.get(id);
      if (entry instanceof Y.Map) entry.set('strategy', 'Overgenomen door een ander');
      else interests.set(id, new Y.Map<unknown>([['strategy', 'Overgenomen door een ander']]));
    });
  });
  doc.transact(() => {
    doc.getMap<unknown>('goals').forEach((goal) => {
      const stances = goal instanceof Y.Map ? goal.get('stances') : undefined;
      if (stances instanceof Y.Array) stances.delete(0, stances.length);
    });
  });
  doc.transact(() => {
    const junk = doc.getMap<number>('junk');
    for (let i = 0; i < JUNK_ENTRIES; i++) junk.set(`j${i}`, i);
  });
  doc.transact(() => {
    for (const root of ['organisations', 'members', 'interests', 'documents', 'ideas', 'goals', 'workingGroups', 'introductions', 'mandates']) {
      const map = doc.getMap<unknown>(root);
      for (const key of [...map.keys()]) map.delete(key);
    }
  });
  addIdea(doc, { title: ideaTitle, description: '', tags: [], goalId: '' }, { memberId: selfMemberId, now: Date.now() });
}

export function setOnline(online: boolean): void {
  requireSync().setOnline(online);
}

/** The sync status kind, as the app's indicator would show it. */
export function statusKind(): string {
  return requireSync().status().kind;
}

// --- leaving ----------------------------------------------------------------

export function stop(): void {
  stopObserving();
  sync?.destroy();
  sync = null;
}
