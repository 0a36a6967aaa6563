import { z } from 'zod';
import { LIMITS } from './limits';
import { requiredText } from './text-fields';

/** What a person fills in on first run; the keys are made by the device. */
export const IdentityProfileInputSchema = z.object({
  displayName: requiredText(LIMITS.displayName),
  organisationName: requiredText(LIMITS.organisationName),
  role: requiredText(LIMITS.role),
});
export type IdentityProfileInput = z.input<typeof IdentityProfileInputSchema>;
export type IdentityProfile = z.output<typeof IdentityProfileInputSchema>;

/** The stored profile: same fields, already trimmed and bounded. */
export const IdentityProfileSchema = z.object({
  displayName: z.string().min(1).max(LIMITS.displayName),
  organisationName: z.string().min(1).max(LIMITS.organisationName),
  role: z.string().min(1).max(LIMITS.role),
});
