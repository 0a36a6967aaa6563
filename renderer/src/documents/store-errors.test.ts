import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { TooManyVersionsError } from '../../../shared/workspace-doc/documents';
import { EmptyFileError, FileTooLargeError, UnreadableFileError } from '../files/file-store';
import { storeErrorMessage } from './store-errors';

const t = ((key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key)) as unknown as TFunction;

describe('storeErrorMessage', () => {
  it.each([
    [new EmptyFileError(), 'documents.errors.empty'],
    [new FileTooLargeError(25 * 1024 * 1024), 'documents.errors.tooLarge {"limit":"25 MB"}'],
    [new UnreadableFileError(new DOMException('gone', 'NotReadableError')), 'documents.errors.unreadable'],
    [new TooManyVersionsError('d'), 'documents.errors.tooManyVersions'],
    [Object.assign(new Error('quota'), { name: 'QuotaExceededError' }), 'documents.errors.diskFull'],
    [Object.assign(new Error('Dexie'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }), 'documents.errors.diskFull'],
    [new Error('kapot'), 'documents.errors.other {"message":"kapot"}'],
  ])('names the cause of %s', (error, expected) => {
    expect(storeErrorMessage(error, t, 'nl')).toBe(expected);
  });
});
