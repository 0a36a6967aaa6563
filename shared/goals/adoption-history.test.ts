import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { DEFAULT_QUORUM, type AdoptionInput } from './adoption';
import { adoptionMoments, decisionLogWithHistory } from './adoption-history';
import { canonicaliseGoalText } from './canonical-text';
import { checkStances, signStance, type StanceKind, type StanceRecord } from './stance';

const GOAL = 'goal-1';
const TEXT_V1 = 'Samen wekken wij in 2030 3 TWh duurzaam op.';
const TEXT_V2 = 'Samen wekken wij in 2030 4 TWh duurzaam op.';
const ORGS = ['gemeente', 'netbeheerder'] as const;
type OrgId = (typeof ORGS)[number];

const keys = new Map<OrgId, IdentityKeys>();
let hashV2: string;
beforeAll(async () => {
  for (const org of ORGS) keys.set(org, await generateIdentityKeys());
  hashV2 = (await canonicaliseGoalText(TEXT_V2)).textHash;
});
const keysOf = (org: OrgId) => keys.get(org) as IdentityKeys;

function stance(org: OrgId, kind: StanceKind, at: number, text = TEXT_V1): Promise<StanceRecord> {
  const k = keysOf(org);
  return signStance({ goalId: GOAL, organisationId: org, memberId: k.memberId, publicKey: k.publicKeyB64, stance: kind, reason: kind === 'endorse' ? '' : 'omdat', text, at }, k.privateKey);
}

async function input(records: readonly unknown[], currentText = TEXT_V1): Promise<AdoptionInput> {
  return {
    goalId: GOAL,
    currentTextHash: (await canonicaliseGoalText(currentText)).textHash,
    organisations: ORGS.map((id) => ({ id, mandateHolders: [{ memberId: keysOf(id).memberId, publicKey: keysOf(id).publicKeyB64 }] })),
    stances: await checkStances(records),
    quorum: DEFAULT_QUORUM,
  };
}

describe('adoption moments replayed from the stances', () => {
  it('dates an adoption by the stance that completed it, and logs it after that stance', async () => {
    const records = [await stance('gemeente', 'endorse', 10), await stance('netbeheerder', 'endorseWithReservations', 20)];
    expect(adoptionMoments(await input(records))).toEqual([20]);
    const log = decisionLogWithHistory(await input(records));
    expect(log.map((entry) => [entry.kind, entry.at])).toEqual([
      ['stance', 10],
      ['stance', 20],
      ['adopted', 20],
    ]);
  });

  it('keeps an adoption an objection later undid, and does not log re-endorsing while adopted as a new one', async () => {
    const records = [await stance('gemeente', 'endorse', 10), await stance('netbeheerder', 'endorse', 20), await stance('gemeente', 'endorse', 25), await stance('netbeheerder', 'object', 30)];
    expect(adoptionMoments(await input(records))).toEqual([20]);
    const kinds = decisionLogWithHistory(await input(records)).map((entry) => `${entry.kind}@${entry.at}`);
    expect(kinds).toEqual(['stance@10', 'stance@20', 'adopted@20', 'superseded@25', 'stance@25', 'superseded@30', 'stance@30']);
  });

  it('logs a second adoption after the text changed and both confirmed again', async () => {
    const records = [
      await stance('gemeente', 'endorse', 10),
      await stance('netbeheerder', 'endorse', 20),
      await stance('netbeheerder', 'endorse', 40, TEXT_V2),
      await stance('gemeente', 'endorse', 50, TEXT_V2),
    ];
    const replay = await input(records, TEXT_V2);
    expect(replay.currentTextHash).toBe(hashV2);
    expect(adoptionMoments(replay)).toEqual([20, 50]);
  });

  it('does not count invalid or unmandated stances towards an adoption', async () => {
    const outsider = await generateIdentityKeys();
    const honest = await stance('netbeheerder', 'object', 20);
    const forged = await signStance({ goalId: GOAL, organisationId: 'netbeheerder', memberId: outsider.memberId, publicKey: outsider.publicKeyB64, stance: 'endorse', reason: '', text: TEXT_V1, at: 30 }, outsider.privateKey);
    const records = [await stance('gemeente', 'endorse', 10), { ...honest, stance: 'endorse' }, forged];
    expect(adoptionMoments(await input(records))).toEqual([]);
  });

  it('does not depend on the order the stances arrived in', async () => {
    const records = [
      await stance('gemeente', 'endorse', 10),
      await stance('netbeheerder', 'endorse', 20),
      await stance('netbeheerder', 'object', 30),
      await stance('netbeheerder', 'endorse', 40),
      await stance('gemeente', 'standAside', 50),
      await stance('gemeente', 'endorse', 60, TEXT_V2),
      await stance('netbeheerder', 'endorse', 70, TEXT_V2),
    ];
    const expected = adoptionMoments(await input(records, TEXT_V2));
    expect(expected).toEqual([20, 40, 70]);
    const checked = await checkStances(records);
    const base = await input([], TEXT_V2);
    fc.assert(
      fc.property(fc.shuffledSubarray(checked, { minLength: checked.length, maxLength: checked.length }), (shuffled) => {
        expect(adoptionMoments({ ...base, stances: shuffled })).toEqual(expected);
      }),
    );
  });
});
