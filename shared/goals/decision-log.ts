/**
 * The decision log of a goal: derived from its signed stances and the
 * adoption result, never stored. The stances are signed and kept
 * append-only, so every peer derives the same log from them; a stored log
 * could disagree with the stances it claims to summarise, and nobody could
 * tell which one is right.
 *
 * Entries in time order (signed time, ties by signature, so every peer lists
 * them alike): each counted stance as given, a "superseded" entry when the
 * same organisation later gave another stance, and "adopted" at the moment
 * the goal became carried by all.
 */
import { isMandatedStance, type AdoptionInput, type AdoptionResult } from './adoption';
import type { StanceRecord } from './stance';

export type DecisionLogEntry =
  | { readonly kind: 'stance'; readonly at: number; readonly record: StanceRecord }
  | { readonly kind: 'superseded'; readonly at: number; readonly record: StanceRecord; readonly by: StanceRecord }
  | { readonly kind: 'adopted'; readonly at: number };

const earlier = (a: StanceRecord, b: StanceRecord) => (a.at !== b.at ? a.at - b.at : a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0);

export function decisionLog(input: Pick<AdoptionInput, 'goalId' | 'stances' | 'organisations' | 'otherOrganisations'>, result: Pick<AdoptionResult, 'adoptedAt'>): DecisionLogEntry[] {
  const mandated = (record: StanceRecord) => isMandatedStance(input, record);
  const seen = new Set<string>();
  const records = input.stances
    .flatMap(({ verification }) => (verification.valid && verification.record.goalId === input.goalId && mandated(verification.record) ? [verification.record] : []))
    .filter((record) => !seen.has(record.signature) && seen.add(record.signature) !== undefined)
    .sort(earlier);

  const entries: DecisionLogEntry[] = [];
  const latest = new Map<string, StanceRecord>();
  for (const record of records) {
    const previous = latest.get(record.organisationId);
    if (previous) entries.push({ kind: 'superseded', at: record.at, record: previous, by: record });
    entries.push({ kind: 'stance', at: record.at, record });
    latest.set(record.organisationId, record);
  }
  if (result.adoptedAt !== undefined) entries.push({ kind: 'adopted', at: result.adoptedAt });
  // Stable: "adopted" lands after the stances of its own moment, before any later one (of an organisation no longer participating).
  return entries.sort((a, b) => a.at - b.at);
}
