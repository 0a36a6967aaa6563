import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64Url } from '../crypto/base64url';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { decodeInvite, encodeInvite, InviteCodeError, type InvitePayload, type InviteProblem } from './invite-code';
import { generateWorkspaceKey, roomNameFor } from './workspace-key';

let keys: IdentityKeys;
let payload: InvitePayload;
let code: string;

beforeAll(async () => {
  keys = await generateIdentityKeys();
  payload = {
    v: 1,
    inviteId: 'inv-1',
    workspaceId: 'ws-1',
    regionId: 'holland-rijnland',
    workspaceName: 'RES 2.0',
    key: generateWorkspaceKey(),
    hubs: ['ws://192.168.1.20:4455/signal', 'ws://127.0.0.1:4455/signal'],
    inviter: { memberId: keys.memberId, displayName: 'Anne de Vries', organisationName: 'Gemeente Leiden', publicKey: keys.publicKeyB64 },
    createdAt: 1_700_000_000_000,
  };
  code = await encodeInvite(payload, keys.privateKey);
});

async function problemOf(text: string): Promise<InviteProblem | 'accepted'> {
  try {
    await decodeInvite(text);
    return 'accepted';
  } catch (error) {
    if (error instanceof InviteCodeError) return error.problem;
    throw error;
  }
}

describe('invite codes', () => {
  it('round-trip, also with line breaks and spaces from a mail client', async () => {
    expect(code.startsWith('SK1.')).toBe(true);
    await expect(decodeInvite(code)).resolves.toEqual(payload);
    const wrapped = code.replace(/(.{40})/g, '$1\n  ');
    await expect(decodeInvite(` ${wrapped} `)).resolves.toEqual(payload);
  });

  it('names what is wrong with codes that are not invites at all', async () => {
    expect(await problemOf('')).toBe('empty');
    expect(await problemOf('hallo')).toBe('notAnInvite');
    expect(await problemOf('SK2.abc.def')).toBe('unsupportedVersion');
    expect(await problemOf('SKR1.abc.def')).toBe('roomCode');
    expect(await problemOf(`${code}.extra`)).toBe('notAnInvite');
  });

  it('refuses every truncation of a valid code', async () => {
    for (let length = 0; length < code.length; length += 7) {
      expect(await problemOf(code.slice(0, length))).not.toBe('accepted');
    }
    expect(await problemOf(code.slice(0, -1))).not.toBe('accepted');
  });

  it('refuses a code in which any one character was changed (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: code.length - 1 }), fc.constantFrom(...'ABCabc019-_'), async (index, replacement) => {
        fc.pre(code[index] !== replacement && code[index] !== '.');
        const changed = code.slice(0, index) + replacement + code.slice(index + 1);
        expect(await problemOf(changed)).not.toBe('accepted');
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a payload re-encoded with a different hub but the old signature', async () => {
    const [prefix, , signature] = code.split('.');
    const forged = { ...payload, hubs: ['ws://10.66.66.66:4444/signal'] };
    const forgedPayload = toBase64Url(new TextEncoder().encode(JSON.stringify(forged)));
    expect(await problemOf(`${prefix}.${forgedPayload}.${signature}`)).toBe('tampered');
  });

  it('refuses a well-signed payload with an invalid field', async () => {
    const bad = { ...payload, hubs: ['http://not-a-websocket'] } as InvitePayload;
    await expect(encodeInvite(bad, keys.privateKey)).rejects.toThrow();
  });

  it('never throws anything but InviteCodeError on arbitrary input (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }).map((s) => `SK1.${s}`), fc.tuple(fc.base64String(), fc.base64String()).map(([a, b]) => `SK1.${a}.${b}`)), async (text) => {
        expect(await problemOf(text)).not.toBe('accepted');
      }),
      { numRuns: 300 },
    );
  });
});

describe('workspace keys and room names', () => {
  it('makes 256-bit keys and room names that reveal neither key nor workspace id', async () => {
    const key = generateWorkspaceKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateWorkspaceKey()).not.toBe(key);
    const room = await roomNameFor('ws-1', key);
    expect(room).toMatch(/^sk-[A-Za-z0-9_-]{43}$/);
    expect(room).not.toContain('ws-1');
    expect(await roomNameFor('ws-1', key)).toBe(room);
    expect(await roomNameFor('ws-2', key)).not.toBe(room);
    expect(await roomNameFor('ws-1', generateWorkspaceKey())).not.toBe(room);
  });
});
