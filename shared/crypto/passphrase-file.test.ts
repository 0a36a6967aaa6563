import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWithPassphrase, PassphraseFileError, sealWithPassphrase, type ScryptCost } from './passphrase-file';

/** The lowest cost the format accepts: the tests check the format, not the cost. */
const CHEAP: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };
const KIND = 'stroomkring-identity-backup';
const PASS = 'correct horse battery';
const open = (text: string, passphrase = PASS, kind = KIND) => openWithPassphrase(text, passphrase, { kind, maxChars: 1_000_000 });
const problemOf = (work: Promise<unknown>) => work.then(() => 'opened', (error: unknown) => (error instanceof PassphraseFileError ? error.problem : `other: ${String(error)}`));

describe('a file sealed with a passphrase', () => {
  it('opens with the passphrase to the same bytes, also for any content and passphrase (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.string({ minLength: 12, maxLength: 40 }), async (bytes, passphrase) => {
        const text = await sealWithPassphrase(bytes, passphrase, { kind: KIND, cost: CHEAP });
        expect(await open(text, passphrase)).toEqual(bytes);
      }),
      { numRuns: 8 },
    );
  });

  it('names a wrong passphrase, another kind of file, a newer version, a too short passphrase and a too large file', async () => {
    const text = await sealWithPassphrase(new Uint8Array([1, 2, 3]), PASS, { kind: KIND, cost: CHEAP });
    expect(await problemOf(open(text, 'correct horse battery!'))).toBe('wrongPassphrase');
    expect(await problemOf(open(text, PASS, 'stroomkring-workspace-export'))).toBe('notThisKind');
    expect(await problemOf(open('%PDF-1.7 …'))).toBe('notThisKind');
    expect(await problemOf(open(text.replace('"v":1', '"v":2')))).toBe('newerVersion');
    expect(await problemOf(sealWithPassphrase(new Uint8Array(1), 'short', { kind: KIND, cost: CHEAP }))).toBe('weakPassphrase');
    expect(await problemOf(openWithPassphrase(text, PASS, { kind: KIND, maxChars: 100 }))).toBe('tooLarge');
  });

  it('the passphrase is taken in one Unicode form, so é typed either way opens it', async () => {
    const text = await sealWithPassphrase(new Uint8Array([7]), 'café café café', { kind: KIND, cost: CHEAP });
    expect(await open(text, 'cafe\u0301 cafe\u0301 cafe\u0301')).toEqual(new Uint8Array([7]));
  });

  it('a file cut short, or with any one character changed, never opens (property)', async () => {
    const text = await sealWithPassphrase(new Uint8Array(64).fill(9), PASS, { kind: KIND, cost: CHEAP });
    expect(await problemOf(open(text.slice(0, text.length - 10)))).toBe('damaged');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length - 1 }), fc.constantFrom('A', 'z', '0', '_', '"', '{', ' '), async (at, replacement) => {
        fc.pre(text[at] !== replacement);
        const changed = text.slice(0, at) + replacement + text.slice(at + 1);
        expect(await problemOf(open(changed))).not.toBe('opened');
      }),
      { numRuns: 60 },
    );
  });
});
