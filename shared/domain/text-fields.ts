import { z } from 'zod';

/**
 * Error codes a field schema produces, so the UI can translate them;
 * zod's own English messages never reach the user.
 */
export const FIELD_ERRORS = {
  required: 'required',
  tooLong: 'tooLong',
  invalidUrl: 'invalidUrl',
  invalidChoice: 'invalidChoice',
} as const;
export type FieldErrorCode = (typeof FIELD_ERRORS)[keyof typeof FIELD_ERRORS];

/** A trimmed, non-empty, bounded single-line name. */
export function requiredText(max: number) {
  return z
    .string()
    .transform((value) => value.trim())
    .pipe(z.string().min(1, FIELD_ERRORS.required).max(max, FIELD_ERRORS.tooLong));
}

/** A trimmed text that may be empty, bounded. */
export function optionalText(max: number) {
  return z
    .string()
    .transform((value) => value.trim())
    .pipe(z.string().max(max, FIELD_ERRORS.tooLong));
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * A website as people type it: empty, or a http(s) address. A bare
 * "example.nl" is accepted and stored as "https://example.nl".
 */
export function optionalWebsite(max: number) {
  return z
    .string()
    .transform((value) => value.trim())
    .transform((value) => (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`))
    .pipe(
      z
        .string()
        .max(max, FIELD_ERRORS.tooLong)
        .refine((value) => value === '' || isWebUrl(value), FIELD_ERRORS.invalidUrl),
    );
}

/** First error code per field, from a failed parse. */
export function fieldErrors(error: z.ZodError): Record<string, FieldErrorCode> {
  const result: Record<string, FieldErrorCode> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field in result) continue;
    const code = Object.values(FIELD_ERRORS).find((known) => known === issue.message);
    result[field] = code ?? FIELD_ERRORS.invalidChoice;
  }
  return result;
}
