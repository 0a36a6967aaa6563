import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { DEFAULT_QUORUM, evaluateAdoption, requiredSupporting, type AdoptionInput, type ParticipatingOrganisation, type Quorum } from './adoption';
import { canonicaliseGoalText } from './canonical-text';
import { signMembershipRecord } from '../membership/membership-record';
import { checkStances, signStance, type StanceKind, type StanceRecord } from './stance';
import { stepsToAdoption } from './still-to-act';

const GOAL = 'goal-1';
const TEXT_V1 = 'Samen wekken wij in 2030 3 TWh duurzaam op.';
const TEXT_V2 = 'Samen wekken wij in 2030 4 TWh duurzaam op.';
const ORG_IDS = ['gemeente', 'netbeheerder', 'cooperatie'] as const;
type OrgId = (typeof ORG_IDS)[number];

const holders = new Map<OrgId, IdentityKeys>();
let outsider: IdentityKeys;
let currentHash: string;
let staleHash: string;

beforeAll(async () => {
  for (const id of ORG_IDS) holders.set(id, await generateIdentityKeys());
  outsider = await generateIdentityKeys();
  currentHash = (await canonicaliseGoalText(TEXT_V2)).textHash;
  staleHash = (await canonicaliseGoalText(TEXT_V1)).textHash;
});

function keysOf(org: OrgId): IdentityKeys {
  const keys = holders.get(org);
  if (!keys) throw new Error(`no keys for ${org}`);
  return keys;
}

function organisations(ids: readonly OrgId[] = ORG_IDS): ParticipatingOrganisation[] {
  return ids.map((id) => ({ id, mandateHolders: [{ memberId: keysOf(id).memberId, publicKey: keysOf(id).publicKeyB64 }] }));
}

async function stance(org: OrgId, kind: StanceKind, at: number, options: { text?: string; by?: IdentityKeys } = {}): Promise<StanceRecord> {
  const by = options.by ?? keysOf(org);
  return signStance(
    { goalId: GOAL, organisationId: org, memberId: by.memberId, publicKey: by.publicKeyB64, stance: kind, reason: kind === 'endorse' ? '' : 'omdat', text: options.text ?? TEXT_V2, at },
    by.privateKey,
  );
}

async function evaluate(records: readonly unknown[], overrides: Partial<AdoptionInput> = {}) {
  return evaluateAdoption({ goalId: GOAL, currentTextHash: currentHash, organisations: organisations(), stances: await checkStances(records), quorum: DEFAULT_QUORUM, ...overrides });
}

const statuses = (result: ReturnType<typeof evaluateAdoption>) => Object.fromEntries(result.organisations.map((o) => [o.organisationId, o.status]));

describe('evaluateAdoption', () => {
  it('adopts when every organisation supports on the current text, dated by the last stance', async () => {
    const result = await evaluate([await stance('gemeente', 'endorse', 1), await stance('netbeheerder', 'endorseWithReservations', 3), await stance('cooperatie', 'endorse', 2)]);
    expect(result.adopted).toBe(true);
    expect(result.blockers).toEqual([]);
    expect(result.adoptedAt).toBe(3);
    expect(result.counts).toMatchObject({ endorsed: 2, reservations: 1 });
    expect(result.supporting).toBe(3);
  });

  it('does not adopt with no organisations', async () => {
    const result = await evaluate([], { organisations: [] });
    expect(result.adopted).toBe(false);
    expect(result.blockers[0]).toEqual({ kind: 'noOrganisations' });
    expect(result.adoptedAt).toBeUndefined();
  });

  it('is blocked by one objection', async () => {
    const result = await evaluate([await stance('gemeente', 'endorse', 1), await stance('netbeheerder', 'object', 2), await stance('cooperatie', 'endorse', 3)]);
    expect(result.adopted).toBe(false);
    expect(result.blockers).toEqual([{ kind: 'objection', organisationIds: ['netbeheerder'] }]);
  });

  it('shows a stance on the earlier text as stale, with that stance for the diff, and waits for it', async () => {
    const old = await stance('netbeheerder', 'endorse', 2, { text: TEXT_V1 });
    const result = await evaluate([await stance('gemeente', 'endorse', 1), old, await stance('cooperatie', 'endorse', 3)]);
    expect(statuses(result).netbeheerder).toBe('stale');
    expect(result.organisations[1]?.stance).toEqual(old);
    expect(result.organisations[1]?.stance?.textHash).toBe(staleHash);
    expect(result.blockers).toEqual([{ kind: 'awaiting', organisationIds: ['netbeheerder'] }]);
  });

  it('lets a re-confirmation on the current text replace the stale stance', async () => {
    const result = await evaluate([
      await stance('gemeente', 'endorse', 1),
      await stance('netbeheerder', 'endorse', 2, { text: TEXT_V1 }),
      await stance('netbeheerder', 'endorse', 5),
      await stance('cooperatie', 'endorse', 3),
    ]);
    expect(result.adopted).toBe(true);
    expect(result.adoptedAt).toBe(5);
  });

  it('takes the latest stance per organisation, whichever order they arrive in', async () => {
    const early = await stance('gemeente', 'object', 1);
    const late = await stance('gemeente', 'endorse', 9);
    for (const order of [[early, late], [late, early]]) {
      const result = await evaluate([...order, await stance('netbeheerder', 'endorse', 2), await stance('cooperatie', 'endorse', 3)]);
      expect(statuses(result).gemeente).toBe('endorsed');
      expect(result.adopted).toBe(true);
    }
  });

  it('ignores a stance whose signature does not verify, and names it', async () => {
    const real = await stance('gemeente', 'object', 1);
    const tampered = { ...real, stance: 'endorse', reason: '' };
    const result = await evaluate([tampered, await stance('netbeheerder', 'endorse', 2), await stance('cooperatie', 'endorse', 3)]);
    expect(statuses(result).gemeente).toBe('invalid');
    expect(result.organisations[0]?.ignored).toEqual([{ reason: 'invalid', problem: 'signature', candidate: tampered }]);
    expect(result.counts.invalid).toBe(1);
    expect(result.adopted).toBe(false);
  });

  it('keeps counting the valid stance when a later tampered one appears', async () => {
    const valid = await stance('gemeente', 'endorse', 1);
    const forgedObjection = { ...(await stance('gemeente', 'endorse', 7)), stance: 'object', reason: 'vervalst' };
    const result = await evaluate([valid, forgedObjection, await stance('netbeheerder', 'endorse', 2), await stance('cooperatie', 'endorse', 3)]);
    expect(statuses(result).gemeente).toBe('endorsed');
    expect(result.organisations[0]?.ignored).toHaveLength(1);
    expect(result.adopted).toBe(true);
  });

  it('ignores a validly signed stance by someone who holds no mandate for the organisation', async () => {
    const byOutsider = await stance('gemeente', 'endorse', 1, { by: outsider });
    const byOtherOrgHolder = await stance('gemeente', 'endorse', 2, { by: keysOf('cooperatie') });
    const result = await evaluate([byOutsider, byOtherOrgHolder, await stance('netbeheerder', 'endorse', 2), await stance('cooperatie', 'endorse', 3)]);
    expect(statuses(result).gemeente).toBe('notResponded');
    expect(result.organisations[0]?.ignored.map((i) => i.reason)).toEqual(['notMandateHolder', 'notMandateHolder']);
    expect(result.adopted).toBe(false);
  });

  it('marks an organisation without a mandate holder, which cannot respond', async () => {
    const orgs = organisations().map((org) => (org.id === 'cooperatie' ? { ...org, mandateHolders: [] } : org));
    const result = await evaluate([await stance('cooperatie', 'endorse', 1)], { organisations: orgs });
    expect(result.organisations[2]).toMatchObject({ status: 'notResponded', noMandateHolder: true });
  });

  it('ignores stances for other goals and names those for organisations that do not participate', async () => {
    const otherGoal = { ...(await stance('gemeente', 'object', 1)), goalId: 'goal-2' };
    const outside = await stance('cooperatie', 'endorse', 1);
    const result = await evaluate([otherGoal, outside], { organisations: organisations(['gemeente', 'netbeheerder']) });
    expect(statuses(result)).toEqual({ gemeente: 'notResponded', netbeheerder: 'notResponded' });
    expect(result.unattributed).toEqual([outside]);
  });

  describe('quorum', () => {
    const all = async (kinds: Record<OrgId, StanceKind>) => Promise.all(ORG_IDS.map((id, i) => stance(id, kinds[id], i + 1)));

    it('lets stand-aside pass without blocking when the quorum is exactly met', async () => {
      // 2 of 3 support: 67 % ≥ 66 % and 2 ≥ 2.
      const quorum: Quorum = { minSupportingOrganisations: 2, minSupportingPercent: 66 };
      const result = await evaluate(await all({ gemeente: 'endorse', netbeheerder: 'standAside', cooperatie: 'endorseWithReservations' }), { quorum });
      expect(result.requiredSupporting).toBe(2);
      expect(result.adopted).toBe(true);
      expect(result.counts.stoodAside).toBe(1);
    });

    it('is not met when stand-asides leave too few supporters', async () => {
      const quorum: Quorum = { minSupportingOrganisations: 2, minSupportingPercent: 67 };
      const result = await evaluate(await all({ gemeente: 'endorse', netbeheerder: 'standAside', cooperatie: 'endorse' }), { quorum });
      // 67 % of 3 is 2.01: three supporters are needed.
      expect(result.blockers).toEqual([{ kind: 'quorum', supporting: 2, required: 3 }]);
      expect(result.adopted).toBe(false);
    });

    it('is not met by one supporter under the default minimum of two', async () => {
      const result = await evaluate([await stance('gemeente', 'endorse', 1)], { organisations: organisations(['gemeente']) });
      expect(result.blockers).toEqual([{ kind: 'quorum', supporting: 1, required: 2 }]);
    });

    it('computes the required supporters in whole numbers', () => {
      expect(requiredSupporting({ minSupportingOrganisations: 1, minSupportingPercent: 50 }, 4)).toBe(2);
      expect(requiredSupporting({ minSupportingOrganisations: 1, minSupportingPercent: 50 }, 5)).toBe(3);
      expect(requiredSupporting({ minSupportingOrganisations: 1, minSupportingPercent: 70 }, 10)).toBe(7);
      expect(requiredSupporting({ minSupportingOrganisations: 3, minSupportingPercent: 0 }, 10)).toBe(3);
      expect(requiredSupporting({ minSupportingOrganisations: 1, minSupportingPercent: 100 }, 10)).toBe(10);
    });
  });
});

describe('who takes part', () => {
  const invited = (ids: readonly OrgId[]) => ({ organisations: organisations(ids), otherOrganisations: organisations(ORG_IDS.filter((id) => !ids.includes(id))) });

  it('lets an organisation that was not invited join by a signed stance, and counts it', async () => {
    const result = await evaluate([await stance('gemeente', 'endorse', 1), await stance('netbeheerder', 'endorse', 2), await stance('cooperatie', 'endorse', 3)], invited(['gemeente', 'netbeheerder']));
    expect(result.organisations.map((o) => [o.organisationId, o.participation])).toEqual([
      ['gemeente', 'invited'],
      ['netbeheerder', 'invited'],
      ['cooperatie', 'joined'],
    ]);
    expect(result.adopted).toBe(true);
    expect(result.unattributed).toEqual([]);
  });

  it('does not let an organisation that was not invited join by someone else’s stance', async () => {
    const forged = await stance('cooperatie', 'object', 3, { by: outsider });
    const result = await evaluate([await stance('gemeente', 'endorse', 1), await stance('netbeheerder', 'endorse', 2), forged], invited(['gemeente', 'netbeheerder']));
    expect(result.organisations.map((o) => o.organisationId)).toEqual(['gemeente', 'netbeheerder']);
    expect(result.adopted).toBe(true);
    expect(result.unattributed).toEqual([forged]);
  });

  it('keeps an objecting organisation that was taken off the invitation list', async () => {
    const result = await evaluate([await stance('gemeente', 'endorse', 1), await stance('netbeheerder', 'endorse', 2), await stance('cooperatie', 'object', 3)], invited(['gemeente', 'netbeheerder']));
    expect(result.adopted).toBe(false);
    expect(result.blockers).toEqual([{ kind: 'objection', organisationIds: ['cooperatie'] }]);
  });

  it('leaves out an invited organisation that stepped out, on any text version, until it gives another stance', async () => {
    const out = await stance('cooperatie', 'stepOut', 3, { text: TEXT_V1 });
    const records = [await stance('gemeente', 'endorse', 1), await stance('netbeheerder', 'endorse', 2), out];
    const result = await evaluate(records);
    expect(result.adopted).toBe(true);
    expect(result.organisations.map((o) => o.organisationId)).toEqual(['gemeente', 'netbeheerder']);
    expect(result.steppedOut).toEqual([{ organisationId: 'cooperatie', stance: out }]);
    expect(result.requiredSupporting).toBe(2);

    const back = await evaluate([...records, await stance('cooperatie', 'object', 4)]);
    expect(back.steppedOut).toEqual([]);
    expect(back.adopted).toBe(false);
    expect(statuses(back).cooperatie).toBe('objected');
  });

  it('ignores a step-out signed by someone without the mandate', async () => {
    const result = await evaluate([await stance('gemeente', 'endorse', 1), await stance('netbeheerder', 'endorse', 2), await stance('cooperatie', 'stepOut', 3, { by: outsider })]);
    expect(result.steppedOut).toEqual([]);
    expect(statuses(result).cooperatie).toBe('notResponded');
  });
});

describe('evaluateAdoption properties', () => {
  it('does not depend on the order stances arrive in, and never adopts over an objection or a stale stance', async () => {
    // Signing is slow next to the rule, so a fixed pool is signed once and fast-check picks and shuffles from it.
    const pool = await checkStances(
      await Promise.all([
        stance('gemeente', 'endorse', 1),
        stance('gemeente', 'object', 4),
        stance('netbeheerder', 'endorseWithReservations', 2),
        stance('netbeheerder', 'endorse', 6, { text: TEXT_V1 }),
        stance('cooperatie', 'standAside', 3),
        stance('cooperatie', 'endorse', 5),
        stance('cooperatie', 'object', 5, { by: outsider }),
        stance('cooperatie', 'stepOut', 7),
        stance('netbeheerder', 'stepOut', 3, { text: TEXT_V1 }),
      ]),
    );
    pool.push({ candidate: { organisationId: 'gemeente', stance: 'object', at: 99 }, verification: { valid: false, problem: 'malformed' } });
    const base = { goalId: GOAL, currentTextHash: currentHash, organisations: organisations(), quorum: DEFAULT_QUORUM };
    fc.assert(
      fc.property(fc.shuffledSubarray(pool), (picked) => {
        const result = evaluateAdoption({ ...base, stances: picked });
        const reversed = evaluateAdoption({ ...base, stances: [...picked].reverse() });
        expect(reversed.organisations.map((o) => [o.status, o.stance?.signature])).toEqual(result.organisations.map((o) => [o.status, o.stance?.signature]));
        expect(reversed.adopted).toBe(result.adopted);
        if (result.adopted) expect(result.organisations.every((o) => o.stance?.textHash === currentHash && o.stance.stance !== 'object')).toBe(true);
        expect(Object.values(result.counts).reduce((a, b) => a + b, 0) + result.steppedOut.length).toBe(ORG_IDS.length);
        expect(stepsToAdoption(result).length === 0).toBe(result.adopted);
      }),
    );
  });
});

describe('a mandate holder signing on another of their devices', () => {
  it('counts as the holder; another person’s device in the holder’s name does not', async () => {
    const holder = keysOf('gemeente');
    const laptop = await generateIdentityKeys();
    const grant = await signMembershipRecord({ v: 1, kind: 'deviceGranted', workspaceId: 'ws', signer: holder.publicKeyB64, person: holder.publicKeyB64, device: laptop.publicKeyB64, deviceName: 'Laptop', at: 1 }, holder.privateKey);
    const onLaptop = await signStance({ goalId: GOAL, organisationId: 'gemeente', memberId: holder.memberId, publicKey: laptop.publicKeyB64, stance: 'endorse', reason: '', text: TEXT_V2, at: 5, grants: [grant.text] }, laptop.privateKey);
    const result = await evaluate([onLaptop, await stance('netbeheerder', 'endorse', 2), await stance('cooperatie', 'endorse', 3)]);
    expect(result.adopted).toBe(true);

    const outsiderGrant = await signMembershipRecord({ v: 1, kind: 'deviceGranted', workspaceId: 'ws', signer: outsider.publicKeyB64, person: outsider.publicKeyB64, device: laptop.publicKeyB64, deviceName: 'Laptop', at: 1 }, outsider.privateKey);
    const forged = await signStance({ goalId: GOAL, organisationId: 'gemeente', memberId: outsider.memberId, publicKey: laptop.publicKeyB64, stance: 'endorse', reason: '', text: TEXT_V2, at: 6, grants: [outsiderGrant.text] }, laptop.privateKey);
    expect(statuses(await evaluate([forged]))).toMatchObject({ gemeente: 'notResponded' });
  });
});
