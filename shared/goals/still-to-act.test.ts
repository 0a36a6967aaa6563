import { describe, expect, it } from 'vitest';
import type { OrganisationSupport, SupportStatus } from './adoption';
import { stepsToAdoption } from './still-to-act';

const support = (organisationId: string, status: SupportStatus, noMandateHolder = false): OrganisationSupport => ({ organisationId, participation: 'invited', status, ignored: [], noMandateHolder });

describe('stepsToAdoption', () => {
  it('is empty for an adopted goal', () => {
    expect(stepsToAdoption({ adopted: true, organisations: [support('a', 'endorsed'), support('b', 'endorsed')], supporting: 2, requiredSupporting: 2 })).toEqual([]);
  });

  it('asks for participants first when there are none', () => {
    expect(stepsToAdoption({ adopted: false, organisations: [], supporting: 0, requiredSupporting: 2 })).toEqual([{ kind: 'noOrganisations' }]);
  });

  it('names one step per organisation, objections first, a mandate before a stance, then the missing endorsements', () => {
    const steps = stepsToAdoption({
      adopted: false,
      organisations: [support('a', 'notResponded'), support('b', 'notResponded', true), support('c', 'stale'), support('d', 'objected'), support('e', 'stoodAside'), support('f', 'invalid'), support('g', 'endorsed')],
      supporting: 1,
      requiredSupporting: 4,
    });
    expect(steps).toEqual([
      { kind: 'objected', organisationId: 'd' },
      { kind: 'noMandateHolder', organisationId: 'b' },
      { kind: 'invalid', organisationId: 'f' },
      { kind: 'stale', organisationId: 'c' },
      { kind: 'notResponded', organisationId: 'a' },
      { kind: 'quorum', missing: 3, supporting: 1, required: 4 },
    ]);
  });

  it('names only the missing endorsements when everyone responded but too few endorse', () => {
    expect(stepsToAdoption({ adopted: false, organisations: [support('a', 'endorsed'), support('b', 'stoodAside')], supporting: 1, requiredSupporting: 2 })).toEqual([{ kind: 'quorum', missing: 1, supporting: 1, required: 2 }]);
  });
});
