import { z } from 'zod';
import * as Y from 'yjs';
import { LIMITS } from '../domain/limits';
import { readWith, type ReadResult } from './read-result';
import { membersMap } from './schema';

/**
 * A member of the workspace as every partner sees them. `invitedBy` is the
 * member who handed over the invite code: who introduced whom.
 */
export const MemberSchema = z.object({
  memberId: z.string().min(1).max(64),
  displayName: z.string().min(1).max(LIMITS.displayName),
  organisationName: z.string().min(1).max(LIMITS.organisationName),
  role: z.string().max(LIMITS.role),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  joinedAt: z.number().int().nonnegative(),
  invitedBy: z.string().max(64).optional(),
  inviteId: z.string().max(64).optional(),
  /** The workspace organisation this member speaks for; unset until they (or a match by name) link one. */
  organisationId: z.string().max(64).optional(),
});
export type Member = z.infer<typeof MemberSchema>;

export function readMembers(doc: Y.Doc): ReadResult<Member>[] {
  const results: ReadResult<Member>[] = [];
  membersMap(doc).forEach((entry, id) => {
    results.push(entry instanceof Y.Map ? readWith(MemberSchema, id, entry.toJSON()) : { ok: false, id, problem: 'entry is not a map' });
  });
  return results;
}

/**
 * Writes this device's member entry: creates it once (keeping who invited
 * whom from the first write) and afterwards only refreshes the profile.
 */
export function upsertSelf(doc: Y.Doc, member: Member): void {
  const map = membersMap(doc);
  doc.transact(() => {
    let entry = map.get(member.memberId);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      map.set(member.memberId, entry);
      for (const [field, value] of Object.entries(member)) if (value !== undefined) (entry as Y.Map<unknown>).set(field, value);
      return;
    }
    const existing = entry as Y.Map<unknown>;
    for (const field of ['displayName', 'organisationName', 'role', 'publicKey'] as const) {
      if (existing.get(field) !== member[field]) existing.set(field, member[field]);
    }
  });
}

/**
 * The organisation (by id) a member belongs to: the one they linked, else the
 * single organisation whose name matches their organisation name, ignoring case.
 */
export function organisationIdOf(member: Member, organisations: readonly { id: string; name: string }[]): string | undefined {
  if (member.organisationId && organisations.some((organisation) => organisation.id === member.organisationId)) return member.organisationId;
  const wanted = member.organisationName.trim().toLocaleLowerCase('nl');
  const matches = organisations.filter((organisation) => organisation.name.trim().toLocaleLowerCase('nl') === wanted);
  return matches.length === 1 ? matches[0]?.id : undefined;
}
