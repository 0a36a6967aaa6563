/**
 * Every moment a goal became adopted, not only the current adoption: a goal
 * adopted on one text, then changed and adopted again, shows both in the
 * decision log, and an adoption that an objection later undid stays on
 * record as having happened.
 *
 * Replayed from the signed stances alone, in signed-time order: after each
 * counted stance, the adoption rule is applied to the latest counted stance
 * per organisation, taking the text that stance was given on as the text of
 * that moment (nothing else records which text was current when). A moment
 * is logged when the goal turns from not adopted to adopted. The current
 * participants, mandate holders and quorum are used for every moment: they
 * are not versioned, so every peer replays the same history.
 */
import { evaluateAdoption, isMandatedStance, type AdoptionInput } from './adoption';
import { decisionLog, type DecisionLogEntry } from './decision-log';
import type { CheckedStance, StanceRecord } from './stance';

const earlier = (a: StanceRecord, b: StanceRecord) => (a.at !== b.at ? a.at - b.at : a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0);

export function adoptionMoments(input: AdoptionInput): number[] {
  const mandated = (record: StanceRecord) => isMandatedStance(input, record);
  const records = input.stances
    .flatMap(({ verification }) => (verification.valid && verification.record.goalId === input.goalId && mandated(verification.record) ? [verification.record] : []))
    .sort(earlier);

  const latest = new Map<string, StanceRecord>();
  const moments: number[] = [];
  let adopted = false;
  for (const record of records) {
    latest.set(record.organisationId, record);
    // Only the latest stance per organisation can count, so the rule sees at most one per organisation: linear in the stances.
    const stances: CheckedStance[] = [...latest.values()].map((r) => ({ candidate: r, verification: { valid: true, record: r } }));
    const now = evaluateAdoption({ ...input, stances, currentTextHash: record.textHash }).adopted;
    if (now && !adopted) moments.push(record.at);
    adopted = now;
  }
  return moments;
}

/**
 * The decision log with every adoption moment in place of decisionLog's
 * single current one. When the goal is adopted now, the last moment is the
 * start of the current adoption (the replay ends on the same latest stances,
 * all on the current text). Time order, as decisionLog.
 */
export function decisionLogWithHistory(input: AdoptionInput): DecisionLogEntry[] {
  const adoptions: DecisionLogEntry[] = adoptionMoments(input).map((at) => ({ kind: 'adopted', at }));
  // Stable sort: an adoption stays after the stances of its own moment, as decisionLog places it.
  return [...decisionLog(input, {}), ...adoptions].sort((a, b) => a.at - b.at || Number(a.kind === 'adopted') - Number(b.kind === 'adopted'));
}
