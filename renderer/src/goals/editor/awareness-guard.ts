/**
 * Awareness states come from peers. y-prosemirror's caret plugin trusts them:
 * a 'user' that is not an object makes it throw inside a ProseMirror state
 * update (it assigns a default colour onto it), a malformed cursor position
 * can resolve against a root type of the workspace doc by name, and a colour
 * in another format logs a warning on every redraw. So the caret plugin reads
 * the awareness through a guard: only states with a well-formed cursor reach
 * it, each with a clean { name, color } user; everything else about the
 * awareness (own state, events) is the real one.
 *
 * Legitimate cursors never name a root type: goal statements are nested in
 * the goals map, so a position names the fragment or an item by id.
 *
 * One caret per member: a partner whose app stopped without saying goodbye
 * (a crash, a closed lid) and came back has a new awareness client, while
 * the old client's state stays until it times out (30 s). Its cursor still
 * points where they were before, and after their offline edits were merged
 * that is somewhere mid-word where they are not. So of a member's states
 * only the one updated last is drawn, as the presence list shows a member
 * once.
 */
import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import { caretLabel } from './caret-user';

const IdSchema = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

const RelativePositionSchema = z
  .object({
    type: IdSchema.nullable().optional(),
    tname: z.null().optional(),
    item: IdSchema.nullable().optional(),
    assoc: z.number().int().optional(),
  })
  .refine((position) => position.type != null || position.item != null, 'names neither a type nor an item');

const CaretStateSchema = z.object({
  user: z.record(z.string(), z.unknown()).optional(),
  cursor: z.object({ anchor: RelativePositionSchema, head: RelativePositionSchema }),
});

export interface CaretState {
  readonly user: { readonly name: string; readonly color: string };
  readonly cursor: { readonly anchor: unknown; readonly head: unknown };
}

/** The states worth drawing a caret for, with the user reduced to a safe name and colour; the rest are left out. */
export function caretStates(states: ReadonlyMap<number, unknown>, fallbackName: string, lastUpdated: (clientId: number) => number = () => 0): Map<number, CaretState> {
  const result = new Map<number, CaretState>();
  const latestOfMember = new Map<string, number>();
  for (const [clientId, state] of states) {
    const parsed = CaretStateSchema.safeParse(state);
    if (!parsed.success) continue;
    const memberId = parsed.data.user?.['memberId'];
    if (typeof memberId === 'string') {
      const other = latestOfMember.get(memberId);
      if (other !== undefined && lastUpdated(other) >= lastUpdated(clientId)) continue;
      if (other !== undefined) result.delete(other);
      latestOfMember.set(memberId, clientId);
    }
    result.set(clientId, { user: caretLabel(parsed.data.user, fallbackName), cursor: parsed.data.cursor });
  }
  return result;
}

/** The awareness as the caret plugin should see it: getStates() guarded, all else the real instance. */
export function guardedAwareness(awareness: Awareness, fallbackName: () => string): Awareness {
  return new Proxy(awareness, {
    get(target, property) {
      if (property === 'getStates') return () => caretStates(target.getStates(), fallbackName(), (clientId) => target.meta.get(clientId)?.lastUpdated ?? 0);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
