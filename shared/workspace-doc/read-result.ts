import type { z } from 'zod';

/**
 * One entry read from a shared document: either a valid value or a damaged
 * entry that the UI shows as a warning. A peer's malformed data never throws.
 */
export type ReadResult<T> = { readonly ok: true; readonly id: string; readonly value: T } | { readonly ok: false; readonly id: string; readonly problem: string };

/** Short, human-readable description of what is wrong, e.g. "name: expected string, received number". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function readWith<T>(schema: z.ZodType<T>, id: string, raw: unknown): ReadResult<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, id, value: parsed.data } : { ok: false, id, problem: describeIssues(parsed.error) };
}
