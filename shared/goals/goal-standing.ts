/**
 * Where a goal stands when its adopted text may be changed: the version in
 * force, and a proposal to change it.
 *
 * The text is co-edited live, and a stance binds to the exact text, so a
 * keystroke in an adopted text would leave it carried by nobody. Instead:
 *
 * - An adopted text is locked (`locked`): the screen asks for a clear
 *   confirmation before anyone edits it. Confirming saves the text as a
 *   version "in force" (a saved version with `inForce`, the organisations
 *   that took part when it was adopted) and unlocks the editor for all.
 * - From then on the live text is a proposal (`proposal`) once it differs
 *   from the version in force. Stances given now are on the proposal (the
 *   meter asks every organisation again, as for any changed text), while
 *   the version in force stays adopted and exportable.
 * - The version in force is evaluated on its own: its participants as they
 *   were when it was adopted, and only stances on its own text (so an
 *   objection to the proposal does not undo the adopted text, and a
 *   step-out signed later does not either). An organisation that signed
 *   that text counts for it whether or not the saved list names it, as in
 *   adoption.ts, so a saved list cannot drop an objection.
 * - When the proposal is adopted, the live text is in force again and the
 *   earlier version is history for good: a version stops being in force
 *   once the goal was adopted on any text after it was saved, so an
 *   objection to the new text later does not bring the old one back. The
 *   decision log has both adoptions.
 *
 * Which version is in force when several were saved: the latest one saved
 * that is adopted by this rule. Nothing here is signed beyond the stances:
 * like the invitation list, the saved participants are shared data, and the
 * stances decide.
 */
import { evaluateAdoption, knownOrganisations, type AdoptionInput, type AdoptionResult, type ParticipatingOrganisation } from './adoption';
import { adoptionMoments } from './adoption-history';
import type { CanonicalGoalText } from './canonical-text';

/** A saved version marked as in force when a change was proposed. */
export interface VersionInForce {
  readonly textHash: string;
  readonly canonicalText: string;
  /** The organisations that took part when it was adopted. */
  readonly organisationIds: readonly string[];
  /** When the change was proposed (the version saved). */
  readonly at: number;
}

export interface GoalStanding {
  /** The rule on the text as it is now: the proposal, when one is open. */
  readonly live: AdoptionResult;
  /** The adopted version that holds now, if any. */
  readonly inForce?: { readonly textHash: string; readonly canonicalText: string; readonly result: AdoptionResult };
  /** A version is in force and the text now differs from it. */
  readonly proposal: boolean;
  /** The text now is adopted and nobody has confirmed a change yet: editing asks for confirmation first. */
  readonly locked: boolean;
}

/** The adoption of one saved version on its own: its own participants and the stances on its own text. */
export function evaluateVersion(input: AdoptionInput, version: Pick<VersionInForce, 'textHash' | 'organisationIds'>): AdoptionResult {
  const known = new Map<string, ParticipatingOrganisation>(knownOrganisations(input).map(({ organisation }) => [organisation.id, organisation]));
  const listed = new Set(version.organisationIds);
  return evaluateAdoption({
    ...input,
    currentTextHash: version.textHash,
    organisations: version.organisationIds.map((id) => known.get(id) ?? { id, mandateHolders: [] }),
    otherOrganisations: [...known.values()].filter((organisation) => !listed.has(organisation.id)),
    // Stepping out concerns taking part from then on, not a text that was already carried.
    stances: input.stances.filter(({ verification }) => verification.valid && verification.record.textHash === version.textHash && verification.record.stance !== 'stepOut'),
  });
}

export function goalStanding(input: AdoptionInput, current: CanonicalGoalText, versions: readonly VersionInForce[]): GoalStanding {
  const live = evaluateAdoption({ ...input, currentTextHash: current.textHash });
  if (live.adopted) {
    const confirmed = versions.some((version) => version.textHash === current.textHash);
    return { live, inForce: { textHash: current.textHash, canonicalText: current.canonicalText, result: live }, proposal: false, locked: !confirmed };
  }
  if (versions.length === 0) return { live, proposal: false, locked: false };
  const latestFirst = [...versions].sort((a, b) => b.at - a.at);
  // Replaying the stances costs more than the rule itself: only done when a version could be in force.
  const lastAdoption = Math.max(-1, ...adoptionMoments({ ...input, currentTextHash: current.textHash }));
  for (const version of latestFirst) {
    // The text now is judged by the rule itself, never by an older snapshot of its participants.
    if (version.textHash === current.textHash) continue;
    if (lastAdoption > version.at) break;
    const result = evaluateVersion(input, version);
    if (result.adopted) return { live, inForce: { textHash: version.textHash, canonicalText: version.canonicalText, result }, proposal: true, locked: false };
  }
  return { live, proposal: false, locked: false };
}
