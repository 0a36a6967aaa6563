import { z } from 'zod';
import { stakeholderTypeIds } from '../regions';
import { LIMITS } from './limits';
import { FIELD_ERRORS, optionalText, optionalWebsite, requiredText } from './text-fields';

/** What a member types into the organisation form. */
export const OrganisationInputSchema = z.object({
  name: requiredText(LIMITS.organisationName),
  type: z.enum(stakeholderTypeIds, FIELD_ERRORS.invalidChoice),
  description: optionalText(LIMITS.description),
  website: optionalWebsite(LIMITS.website),
});
export type OrganisationInput = z.input<typeof OrganisationInputSchema>;
export type OrganisationFields = z.output<typeof OrganisationInputSchema>;

/**
 * An organisation as read from the shared workspace document. Any peer can
 * write there, so every field is checked again on the way out.
 */
export const OrganisationSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(LIMITS.organisationName),
  type: z.enum(stakeholderTypeIds),
  description: z.string().max(LIMITS.description),
  website: z.string().max(LIMITS.website),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  createdBy: z.string().max(128),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
