import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url';
import { generateBoxKeys, openBox, seal, SealedBoxError } from './sealed-box';

describe('sealed box', () => {
  it('opens only for the recipient and the same context', async () => {
    const [alice, bob] = await Promise.all([generateBoxKeys(), generateBoxKeys()]);
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const box = await seal(secret, alice.publicKeyB64, 'ws/1/alice');
    expect(await openBox(box, alice, 'ws/1/alice')).toEqual(secret);
    await expect(openBox(box, bob, 'ws/1/alice')).rejects.toMatchObject({ problem: 'notForThisKey' });
    await expect(openBox(box, alice, 'ws/2/alice')).rejects.toMatchObject({ problem: 'notForThisKey' });
  });

  it('keeps its private key out of reach', async () => {
    const keys = await generateBoxKeys();
    expect(keys.privateKey.extractable).toBe(false);
  });

  it('refuses a damaged box with a named error, whatever byte is changed (property)', async () => {
    const keys = await generateBoxKeys();
    const box = fromBase64Url(await seal(new Uint8Array(32).fill(7), keys.publicKeyB64, 'c'));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: box.length - 1 }), fc.integer({ min: 1, max: 255 }), async (index, flip) => {
        const damaged = box.slice();
        damaged[index] = (damaged[index] as number) ^ flip;
        const error = await openBox(toBase64Url(damaged), keys, 'c').then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(SealedBoxError);
      }),
      { numRuns: 40 },
    );
  });

  it('says which problem a box has', async () => {
    const keys = await generateBoxKeys();
    await expect(openBox('not base64!', keys, 'c')).rejects.toMatchObject({ problem: 'unreadable' });
    await expect(openBox(toBase64Url(new Uint8Array([2, ...new Uint8Array(60)])), keys, 'c')).rejects.toMatchObject({ problem: 'unsupportedVersion' });
    await expect(openBox(toBase64Url(new Uint8Array([1, 2, 3])), keys, 'c')).rejects.toMatchObject({ problem: 'unreadable' });
  });
});
