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
export function caretStates(states: ReadonlyMap<number, unknown>, fallbackName: string): Map<number, CaretState> {
  const result = new Map<number, CaretState>();
  for (const [clientId, state] of states) {
    const parsed = CaretStateSchema.safeParse(state);
    if (!parsed.success) continue;
    result.set(clientId, { user: caretLabel(parsed.data.user, fallbackName), cursor: parsed.data.cursor });
  }
  return result;
}

/** The awareness as the caret plugin should see it: getStates() guarded, all else the real instance. */
export function guardedAwareness(awareness: Awareness, fallbackName: () => string): Awareness {
  return new Proxy(awareness, {
    get(target, property) {
      if (property === 'getStates') return () => caretStates(target.getStates(), fallbackName());
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
