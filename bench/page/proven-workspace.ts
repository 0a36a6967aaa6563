/**
 * A proven workspace for the signing benchmark (bench/signing-session.ts):
 * every page holds the same seed before it connects — the founder's
 * `founded` record, an `admitted` record for every other peer, one
 * organisation per peer and an empty interest text for each — so the peers
 * prove themselves as members, sign every change and check every change on
 * receive, exactly as the app does, and have nothing of the seed to exchange.
 * Each peer types into its own organisation's interest, which the write rules
 * allow (shared/rules/write-rules.ts).
 */
import * as Y from 'yjs';
import type { IdentityKeys } from '../../shared/crypto/identity-keys';
import { fromBase64Url, toBase64Url } from '../../shared/crypto/base64url';
import { recordId, signMembershipRecord } from '../../shared/membership/membership-record';
import { addOrganisation } from '../../shared/workspace-doc/organisations';
import { membershipMap } from '../../shared/workspace-doc/schema';

/** A fixed client id for the seed, as the session page's own seed: the same structs everywhere. */
const SEED_CLIENT_ID = 2;

export interface ProvenMember {
  readonly publicKey: string;
  readonly displayName: string;
  readonly organisationName: string;
}

const organisationIdOf = (index: number): string => `org-${String(index).padStart(3, '0')}`;

/** The seed, as a base64url Yjs update: signed by `founder` (members[0]) for all of `members`. */
export async function provenSeed(founder: IdentityKeys, workspaceId: string, members: readonly ProvenMember[]): Promise<string> {
  const at = Date.now();
  const [first, ...others] = members;
  if (!first || first.publicKey !== founder.publicKeyB64) throw new Error('the founder comes first');
  const records = [await signMembershipRecord({ v: 1, kind: 'founded', workspaceId, member: first, signer: founder.publicKeyB64, at }, founder.privateKey)];
  for (const [i, member] of others.entries()) {
    const record = { v: 1, kind: 'admitted', workspaceId, member, signer: founder.publicKeyB64, inviteId: `bench-${i}`, invitedBy: founder.publicKeyB64, at: at + i + 1 } as const;
    records.push(await signMembershipRecord(record, founder.privateKey));
  }
  const scratch = new Y.Doc();
  scratch.clientID = SEED_CLIENT_ID;
  scratch.transact(() => {
    const membership = membershipMap(scratch);
    for (const record of records) membership.set(recordId(record.text), record.text);
    const interests = scratch.getMap<Y.Map<unknown>>('interests');
    for (const [index, member] of members.entries()) {
      const id = organisationIdOf(index);
      addOrganisation(scratch, { name: member.organisationName, type: 'municipality', description: '', website: '' }, { memberId: 'bench', now: at, id });
      interests.set(id, new Y.Map<unknown>([['notes', new Y.Text()]]));
    }
  });
  const update = Y.encodeStateAsUpdate(scratch);
  scratch.destroy();
  return toBase64Url(update);
}

export function applySeed(doc: Y.Doc, seed: string): void {
  Y.applyUpdate(doc, fromBase64Url(seed));
}

/** The interest text of the organisation named `organisationName`, which its member may write. */
export function ownInterestText(doc: Y.Doc, organisationName: string): Y.Text {
  for (const [id, organisation] of doc.getMap<Y.Map<unknown>>('organisations')) {
    if (organisation.get('name') !== organisationName) continue;
    const text = doc.getMap<Y.Map<unknown>>('interests').get(id)?.get('notes');
    if (text instanceof Y.Text) return text;
  }
  throw new Error(`no interest text for ${organisationName}`);
}
