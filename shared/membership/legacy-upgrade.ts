/**
 * How a workspace made before proven membership becomes one, without anyone
 * doing anything (workspace-membership.ts calls these):
 *
 *   - The founder's device (its own member entry names no inviter: only the
 *     one who made the workspace has none) writes the founder record on
 *     first open and signs in every member entry already in the workspace
 *     whose key matches its member id (the id is a hash of the key, so an
 *     entry cannot claim someone else's), each as admitted by the founder
 *     under a one-off invite id `legacy:<memberId>`.
 *   - Every other device still has no founder key. The first proven member
 *     it meets shows its chain of records; the device adopts that chain's
 *     founder when the founder's member id is the root of the device's own
 *     "invited by" line in the workspace (who invited me, who invited them, ...),
 *     i.e. the person who made the workspace as this device has known it.
 *     From then on it proves itself and checks others like any member.
 *
 * What this trusts: the member entries as they were before the upgrade. A
 * key holder who had rewritten them before the founder upgraded could have
 * slipped a member in; after the upgrade, entries no longer decide anything.
 */
import type * as Y from 'yjs';
import { memberIdFromPublicKey } from '../crypto/identity-keys';
import { fromBase64Url } from '../crypto/base64url';
import { readMembers } from '../workspace-doc/members';

/** An invite line longer than this is a loop or damage: no region has that many generations of invitations. */
const MAX_INVITE_DEPTH = 1000;

/** The member id at the root of `memberId`'s "invited by" line, or null if the line breaks or loops. */
export function inviteRoot(doc: Y.Doc, memberId: string): string | null {
  const invitedBy = new Map<string, string | undefined>();
  for (const result of readMembers(doc)) if (result.ok) invitedBy.set(result.value.memberId, result.value.invitedBy);
  let current = memberId;
  for (let depth = 0; depth < MAX_INVITE_DEPTH; depth++) {
    if (!invitedBy.has(current)) return null;
    const next = invitedBy.get(current);
    if (next === undefined) return current;
    current = next;
  }
  return null;
}

/** True when this device made the workspace: its own member entry names no inviter. */
export function isLegacyFounder(doc: Y.Doc, memberId: string): boolean {
  return inviteRoot(doc, memberId) === memberId;
}

export interface LegacyMember {
  readonly memberId: string;
  readonly publicKey: string;
  readonly displayName: string;
  readonly organisationName: string;
}

/** The member entries whose key really is theirs (member id = hash of the key), the founder's own left out. */
export async function legacyMembers(doc: Y.Doc, founderMemberId: string): Promise<LegacyMember[]> {
  const out: LegacyMember[] = [];
  for (const result of readMembers(doc)) {
    if (!result.ok || result.value.memberId === founderMemberId) continue;
    const { memberId, publicKey, displayName, organisationName } = result.value;
    const derived = await memberIdFromPublicKey(fromBase64Url(publicKey)).catch(() => null);
    if (derived === memberId) out.push({ memberId, publicKey, displayName, organisationName });
  }
  return out;
}
