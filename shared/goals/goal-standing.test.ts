import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { DEFAULT_QUORUM, type AdoptionInput, type ParticipatingOrganisation } from './adoption';
import { canonicaliseGoalText, type CanonicalGoalText } from './canonical-text';
import { adoptionMoments } from './adoption-history';
import { goalStanding, type VersionInForce } from './goal-standing';
import { checkStances, signStance, type CheckedStance, type StanceKind } from './stance';

const GOAL = 'goal-1';
const ADOPTED = 'In 2030 verwarmt aquathermie 4.000 woningen.';
const PROPOSAL = 'In 2030 verwarmt aquathermie 6.000 woningen.';
const ORGS = ['gemeente', 'netbeheerder', 'woningcorporatie'] as const;
type Org = (typeof ORGS)[number];

const keys = new Map<Org, IdentityKeys>();
let adopted: CanonicalGoalText;
let proposal: CanonicalGoalText;

beforeAll(async () => {
  for (const org of ORGS) keys.set(org, await generateIdentityKeys());
  adopted = await canonicaliseGoalText(ADOPTED);
  proposal = await canonicaliseGoalText(PROPOSAL);
});

const holder = (org: Org) => keys.get(org) as IdentityKeys;
const organisations = (ids: readonly Org[]): ParticipatingOrganisation[] => ids.map((id) => ({ id, mandateHolders: [{ memberId: holder(id).memberId, publicKey: holder(id).publicKeyB64 }] }));

async function stances(entries: readonly [Org, StanceKind, string, number][]): Promise<CheckedStance[]> {
  return checkStances(
    await Promise.all(
      entries.map(([org, stance, text, at]) =>
        signStance({ goalId: GOAL, organisationId: org, memberId: holder(org).memberId, publicKey: holder(org).publicKeyB64, stance, reason: stance === 'endorse' ? '' : 'omdat', text, at }, holder(org).privateKey),
      ),
    ),
  );
}

const input = (checked: CheckedStance[], invited: readonly Org[] = ORGS): AdoptionInput => ({
  goalId: GOAL,
  currentTextHash: '',
  organisations: organisations(invited),
  otherOrganisations: organisations(ORGS.filter((id) => !invited.includes(id))),
  stances: checked,
  quorum: DEFAULT_QUORUM,
});

const inForce = (at = 10): VersionInForce => ({ textHash: adopted.textHash, canonicalText: adopted.canonicalText, organisationIds: [...ORGS], at });

describe('goalStanding', () => {
  it('locks an adopted text until someone confirms a change, then keeps it in force beside the proposal', async () => {
    const endorsed = await stances(ORGS.map((org, i) => [org, 'endorse', ADOPTED, i + 1] as [Org, StanceKind, string, number]));
    const locked = goalStanding(input(endorsed), adopted, []);
    expect(locked).toMatchObject({ proposal: false, locked: true, inForce: { textHash: adopted.textHash } });

    const confirmed = goalStanding(input(endorsed), adopted, [inForce()]);
    expect(confirmed).toMatchObject({ proposal: false, locked: false, inForce: { textHash: adopted.textHash } });

    const changed = goalStanding(input(endorsed), proposal, [inForce()]);
    expect(changed.live.adopted).toBe(false);
    expect(changed.live.organisations.map((o) => o.status)).toEqual(['stale', 'stale', 'stale']);
    expect(changed).toMatchObject({ proposal: true, locked: false, inForce: { textHash: adopted.textHash, canonicalText: adopted.canonicalText } });
    expect(changed.inForce?.result.adopted).toBe(true);
  });

  it('without a confirmed change, a changed text is simply not adopted (a goal from before proposals)', async () => {
    const endorsed = await stances(ORGS.map((org, i) => [org, 'endorse', ADOPTED, i + 1] as [Org, StanceKind, string, number]));
    const standing = goalStanding(input(endorsed), proposal, []);
    expect(standing).toMatchObject({ proposal: false, locked: false });
    expect(standing.inForce).toBeUndefined();
  });

  it('puts the proposal in force once it is adopted', async () => {
    const checked = await stances([...ORGS.map((org, i) => [org, 'endorse', ADOPTED, i + 1] as [Org, StanceKind, string, number]), ...ORGS.map((org, i) => [org, 'endorse', PROPOSAL, i + 20] as [Org, StanceKind, string, number])]);
    const standing = goalStanding(input(checked), proposal, [inForce()]);
    expect(standing).toMatchObject({ proposal: false, locked: true, inForce: { textHash: proposal.textHash } });
  });

  it('keeps the adopted version in force whatever the organisations say on a proposal that was never adopted, stepping out included', async () => {
    const endorsedAdopted = await stances(ORGS.map((org, i) => [org, 'endorse', ADOPTED, i + 1] as [Org, StanceKind, string, number]));
    const onProposal = await stances(ORGS.flatMap((org, i) => (['endorse', 'object', 'standAside', 'stepOut'] as const).map((kind, k) => [org, kind, PROPOSAL, 100 + i * 10 + k] as [Org, StanceKind, string, number])));
    fc.assert(
      fc.property(fc.subarray(onProposal), fc.subarray([...ORGS]), (picked, invitedNow) => {
        const all = input([...endorsedAdopted, ...picked], invitedNow);
        const standing = goalStanding(all, proposal, [inForce()]);
        const proposalAdoptedOnce = adoptionMoments({ ...all, currentTextHash: proposal.textHash }).some((at) => at > 10);
        if (!proposalAdoptedOnce) expect(standing.inForce?.textHash).toBe(adopted.textHash);
        if (standing.live.adopted) expect(standing.inForce?.textHash).toBe(proposal.textHash);
        expect(standing.locked).toBe(standing.live.adopted);
      }),
    );
  });

  it('does not bring an earlier version back when the adopted proposal is objected to later', async () => {
    const checked = await stances([
      ...ORGS.map((org, i) => [org, 'endorse', ADOPTED, i + 1] as [Org, StanceKind, string, number]),
      ...ORGS.map((org, i) => [org, 'endorse', PROPOSAL, i + 20] as [Org, StanceKind, string, number]),
      ['netbeheerder', 'object', PROPOSAL, 30],
    ]);
    const standing = goalStanding(input(checked), proposal, [inForce()]);
    expect(standing.live.adopted).toBe(false);
    expect(standing.inForce).toBeUndefined();
    expect(standing.proposal).toBe(false);
  });

  it('does not let a saved list drop an organisation that objected to that version', async () => {
    const checked = await stances([
      ['gemeente', 'endorse', ADOPTED, 1],
      ['netbeheerder', 'endorse', ADOPTED, 2],
      ['woningcorporatie', 'object', ADOPTED, 3],
    ]);
    const forged: VersionInForce = { ...inForce(), organisationIds: ['gemeente', 'netbeheerder'] };
    expect(goalStanding(input(checked), proposal, [forged]).inForce).toBeUndefined();
  });
});
