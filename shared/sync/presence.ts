/**
 * Who is here now: the awareness state each peer publishes. Awareness
 * states come from peers, so each is validated; a malformed one is ignored.
 */
import { z } from 'zod';
import { LIMITS } from '../domain/limits';

export const PresenceUserSchema = z.object({
  memberId: z.string().min(1).max(64),
  displayName: z.string().min(1).max(LIMITS.displayName),
  organisationName: z.string().min(1).max(LIMITS.organisationName),
});
export type PresenceUser = z.infer<typeof PresenceUserSchema>;

const AwarenessStateSchema = z.object({ user: PresenceUserSchema });

/** Other members online now, one entry per member even with several windows open, sorted by name. */
export function presentMembers(states: ReadonlyMap<number, unknown>, selfClientId: number, selfMemberId: string): PresenceUser[] {
  const byMember = new Map<string, PresenceUser>();
  for (const [clientId, state] of states) {
    if (clientId === selfClientId) continue;
    const parsed = AwarenessStateSchema.safeParse(state);
    if (!parsed.success || parsed.data.user.memberId === selfMemberId) continue;
    byMember.set(parsed.data.user.memberId, parsed.data.user);
  }
  return [...byMember.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
}
