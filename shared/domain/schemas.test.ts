import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdentityProfileInputSchema } from './identity';
import { LIMITS } from './limits';
import { OrganisationInputSchema } from './organisation';
import { fieldErrors, optionalWebsite, requiredText } from './text-fields';
import { WorkspaceInputSchema, WorkspaceRecordSchema } from './workspace';

describe('field schemas', () => {
  it('refuses empty and whitespace-only names with a "required" code', () => {
    const parsed = IdentityProfileInputSchema.safeParse({ displayName: '   ', organisationName: 'Provincie Zuid-Holland', role: 'Adviseur' });
    expect(parsed.success).toBe(false);
    expect(!parsed.success && fieldErrors(parsed.error)).toEqual({ displayName: 'required' });
  });

  it('refuses over-long names with a "tooLong" code and trims the rest', () => {
    const parsed = OrganisationInputSchema.safeParse({ name: 'x'.repeat(LIMITS.organisationName + 1), type: 'gemeente', description: '', website: '' });
    expect(!parsed.success && fieldErrors(parsed.error)).toEqual({ name: 'tooLong' });
    expect(OrganisationInputSchema.parse({ name: '  Gemeente Leiden ', type: 'gemeente', description: ' ', website: '' }).name).toBe('Gemeente Leiden');
  });

  it('refuses a stakeholder type or region outside the taxonomy', () => {
    const org = OrganisationInputSchema.safeParse({ name: 'X', type: 'piraat', description: '', website: '' });
    expect(!org.success && fieldErrors(org.error)).toEqual({ type: 'invalidChoice' });
    const ws = WorkspaceInputSchema.safeParse({ regionId: 'atlantis', name: '' });
    expect(!ws.success && fieldErrors(ws.error)).toEqual({ regionId: 'invalidChoice' });
  });

  it('normalises a bare domain to https and refuses other schemes', () => {
    const website = optionalWebsite(LIMITS.website);
    expect(website.parse('leiden.nl')).toBe('https://leiden.nl');
    expect(website.parse(' http://rijnland.net ')).toBe('http://rijnland.net');
    expect(website.parse('')).toBe('');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'stroomkring://app/', 'nodot']) {
      expect(website.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts any string within bounds after trimming, refuses the rest (property)', () => {
    const schema = requiredText(20);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const parsed = schema.safeParse(input);
        const trimmed = input.trim();
        expect(parsed.success).toBe(trimmed.length >= 1 && trimmed.length <= 20);
        if (parsed.success) expect(parsed.data).toBe(trimmed);
      }),
    );
  });

  it('validates stored workspace records strictly', () => {
    expect(WorkspaceRecordSchema.safeParse({ id: 'w', regionId: 'twente', name: '', createdAt: 1, lastOpenedAt: 2 }).success).toBe(true);
    expect(WorkspaceRecordSchema.safeParse({ id: 'w', regionId: 'twente', name: 3, createdAt: 1, lastOpenedAt: 2 }).success).toBe(false);
    expect(WorkspaceRecordSchema.safeParse(null).success).toBe(false);
  });
});
