/**
 * What went wrong with local storage, in the terms the user can act on.
 * Dexie wraps IndexedDB failures in named errors (MissingAPIError,
 * OpenFailedError, QuotaExceededError, ...), sometimes with the DOMException
 * as `inner`; we look at the whole chain.
 */
import { StroomkringError } from '../../../shared/errors/stroomkring-error';
export type StorageProblem = 'unavailable' | 'quota' | 'versionTooNew' | 'unknown';

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner ?? cause;
  }
  return names;
}

export function classifyStorageError(error: unknown): StorageProblem {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('VersionError')) return 'versionTooNew';
  if (names.some((name) => ['MissingAPIError', 'OpenFailedError', 'InvalidStateError', 'SecurityError', 'DatabaseClosedError'].includes(name))) {
    return 'unavailable';
  }
  return 'unknown';
}

/** Thrown by the stores when a stored record fails validation. */
export class DamagedRecordError extends StroomkringError {
  override readonly name = 'DamagedRecordError';
  constructor(
    readonly table: string,
    readonly key: string,
    readonly problem: string,
  ) {
    super(`Record ${key} in ${table} cannot be read: ${problem}`);
  }
}
