import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64Url } from '../crypto/base64url';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { encodeInvite } from '../invite/invite-code';
import { generateWorkspaceKey } from '../invite/workspace-key';
import { decodeRoomInvite, encodeRoomInvite, RoomInviteError, type RoomInvitePayload, type RoomInviteProblem } from './room-invite';

let keys: IdentityKeys;
let payload: RoomInvitePayload;
let code: string;

beforeAll(async () => {
  keys = await generateIdentityKeys();
  payload = {
    v: 1,
    inviteId: 'inv-1',
    workspaceId: 'ws-1',
    roomId: 'room-1',
    roomTitle: 'Grondposities Noordrand',
    key: generateWorkspaceKey(),
    hubs: ['ws://192.168.1.20:4455/signal'],
    invitee: 'bram',
    inviter: { memberId: keys.memberId, displayName: 'Anne de Vries', publicKey: keys.publicKeyB64 },
    createdAt: 1_700_000_000_000,
  };
  code = await encodeRoomInvite(payload, keys.privateKey);
});

async function problemOf(text: string): Promise<RoomInviteProblem | 'accepted'> {
  try {
    await decodeRoomInvite(text);
    return 'accepted';
  } catch (error) {
    if (error instanceof RoomInviteError) return error.problem;
    throw error;
  }
}

describe('room invite codes', () => {
  it('round-trip, also wrapped by a mail client', async () => {
    expect(code.startsWith('SKR1.')).toBe(true);
    await expect(decodeRoomInvite(code)).resolves.toEqual(payload);
    await expect(decodeRoomInvite(` ${code.replace(/(.{50})/g, '$1\n')} `)).resolves.toEqual(payload);
  });

  it('names codes that are not room codes, including a workspace invite', async () => {
    const workspaceInvite = await encodeInvite(
      {
        v: 1,
        inviteId: 'i',
        workspaceId: 'ws-1',
        regionId: 'holland-rijnland',
        workspaceName: '',
        key: payload.key,
        hubs: [],
        inviter: { memberId: keys.memberId, displayName: 'Anne', organisationName: 'Gemeente Leiden', publicKey: keys.publicKeyB64 },
        createdAt: 1,
      },
      keys.privateKey,
    );
    expect(await problemOf('')).toBe('empty');
    expect(await problemOf('hallo')).toBe('notACode');
    expect(await problemOf(workspaceInvite)).toBe('workspaceInvite');
    expect(await problemOf('SKR2.abc.def')).toBe('unsupportedVersion');
    expect(await problemOf(`${code}.x`)).toBe('notACode');
  });

  it('refuses every truncation', async () => {
    for (let length = 0; length < code.length; length += 5) expect(await problemOf(code.slice(0, length))).not.toBe('accepted');
    expect(await problemOf(code.slice(0, -1))).not.toBe('accepted');
  });

  it('refuses any one changed character (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: code.length - 1 }), fc.constantFrom(...'ABCxyz019-_'), async (index, replacement) => {
        fc.pre(code[index] !== replacement && code[index] !== '.');
        expect(await problemOf(code.slice(0, index) + replacement + code.slice(index + 1))).not.toBe('accepted');
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a payload pointing at another room, workspace or key under the old signature', async () => {
    const [prefix, , signature] = code.split('.');
    for (const forged of [{ ...payload, workspaceId: 'ws-2' }, { ...payload, roomId: 'room-2' }, { ...payload, key: generateWorkspaceKey() }, { ...payload, invitee: 'carla' }]) {
      const text = toBase64Url(new TextEncoder().encode(JSON.stringify(forged)));
      expect(await problemOf(`${prefix}.${text}.${signature}`)).toBe('tampered');
    }
  });

  it('cannot encode an invalid payload', async () => {
    await expect(encodeRoomInvite({ ...payload, key: 'short' }, keys.privateKey)).rejects.toThrow();
    await expect(encodeRoomInvite({ ...payload, roomTitle: '' }, keys.privateKey)).rejects.toThrow();
  });

  it('throws nothing but RoomInviteError on arbitrary input (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }).map((s) => `SKR1.${s}`), fc.tuple(fc.base64String(), fc.base64String()).map(([a, b]) => `SKR1.${a}.${b}`)),
        async (text) => {
          expect(await problemOf(text)).not.toBe('accepted');
        },
      ),
      { numRuns: 300 },
    );
  });
});
