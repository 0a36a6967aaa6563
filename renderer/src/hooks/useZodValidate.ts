import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/domain/text-fields';

/**
 * A Mantine form `validate` function over a zod schema, with messages
 * translated from the schema's error codes. `maxima` gives the limit to
 * quote in a "too long" message per field.
 */
export function useZodValidate<T extends Record<string, unknown>>(schema: z.ZodType<unknown, T>, maxima: Partial<Record<keyof T, number>>) {
  const { t } = useTranslation();
  return useCallback(
    (values: T): Partial<Record<keyof T, string>> => {
      const parsed = schema.safeParse(values);
      if (parsed.success) return {};
      const errors: Partial<Record<keyof T, string>> = {};
      for (const [field, code] of Object.entries(fieldErrors(parsed.error))) {
        errors[field as keyof T] = t(`fieldError.${code}`, { max: maxima[field as keyof T] ?? 0 });
      }
      return errors;
    },
    [schema, maxima, t],
  );
}
