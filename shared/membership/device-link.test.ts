import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { generateBoxKeys, type BoxKeys } from '../crypto/sealed-box';
import { decodeLinkRequest, DeviceLinkError, encodeLinkRequest, linkCheck, openLink, sealLink, type LinkRequest } from './device-link';
import { grantDevice } from './identity-backup';

const WS = 'ws-link';
let anne: IdentityKeys, bram: IdentityKeys, tablet: IdentityKeys, other: IdentityKeys, tabletBox: BoxKeys, otherBox: BoxKeys;

beforeAll(async () => {
  [anne, bram, tablet, other] = (await Promise.all([generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys()])) as [IdentityKeys, IdentityKeys, IdentityKeys, IdentityKeys];
  [tabletBox, otherBox] = (await Promise.all([generateBoxKeys(), generateBoxKeys()])) as [BoxKeys, BoxKeys];
});

const person = () => ({ publicKey: bram.publicKeyB64, memberId: bram.memberId, profile: { displayName: 'Bram', organisationName: 'Liander', role: 'Netplanner' } });
const workspace = () => ({ workspaceId: WS, name: 'RES', regionId: 'achterhoek', key: 'k'.repeat(43), founderKey: anne.publicKeyB64, hubs: [], signer: bram });

async function linkFor(request: LinkRequest, device = request.device): Promise<string> {
  const workspaces = await grantDevice({ person: person(), deviceName: request.name, workspaces: [workspace()] }, device, 5);
  return sealLink({ person: person(), device, workspaces }, request);
}

const problemOf = async (promise: Promise<unknown>) => promise.then(() => 'none', (error: unknown) => (error instanceof DeviceLinkError ? error.problem : `other: ${String(error)}`));

describe('linking a device', () => {
  it('carries the request and answers with the person and the grants, opened only by the device that asked', async () => {
    const request = { device: tablet.publicKeyB64, boxKey: tabletBox.publicKeyB64, name: 'Tablet' };
    const code = encodeLinkRequest(request);
    expect(code).toMatch(/^SKR1\./);
    const received = decodeLinkRequest(`  ${code.slice(0, 20)}\n${code.slice(20)} `);
    expect(received).toEqual(request);
    expect(await linkCheck(received)).toBe(await linkCheck(request));
    expect(await linkCheck(received)).toMatch(/^\d{3} \d{3}$/);

    const link = await linkFor(received);
    const opened = await openLink(link, { device: tablet.publicKeyB64, box: tabletBox });
    expect(opened.person).toEqual(person());
    expect(opened.workspaces.map((w) => w.workspaceId)).toEqual([WS]);
    expect(await problemOf(openLink(link, { device: other.publicKeyB64, box: otherBox }))).toBe('notForThisDevice');
  });

  it("hands on the person's confidential rooms in the granted workspaces; a code from before rooms reads as none", async () => {
    const request = { device: tablet.publicKeyB64, boxKey: tabletBox.publicKeyB64, name: 'Tablet' };
    const workspaces = await grantDevice({ person: person(), deviceName: 'Tablet', workspaces: [workspace()] }, request.device, 5);
    const room = { roomId: 'room-1', workspaceId: WS, title: 'Netcongestie', key: 'r'.repeat(43), hubs: ['ws://127.0.0.1:4444'] };
    // A room of a workspace the code does not grant could not be synced on the new device: left out.
    const elsewhere = { ...room, roomId: 'room-2', workspaceId: 'ws-other' };
    const opened = await openLink(await sealLink({ person: person(), device: request.device, workspaces, rooms: [room, elsewhere] }, request), { device: tablet.publicKeyB64, box: tabletBox });
    expect(opened.rooms).toEqual([room]);
    expect((await openLink(await sealLink({ person: person(), device: request.device, workspaces }, request), { device: tablet.publicKeyB64, box: tabletBox })).rooms).toEqual([]);
    // A room that does not read is never sealed into a code.
    await expect(sealLink({ person: person(), device: request.device, workspaces, rooms: [{ ...room, key: 'too short' }] }, request)).rejects.toThrow();
  });

  it('names a request swapped for another device, a grant for another key, a newer version and damage', async () => {
    const request = { device: tablet.publicKeyB64, boxKey: tabletBox.publicKeyB64, name: 'Tablet' };
    const swapped = { ...request, device: other.publicKeyB64 };
    expect(await linkCheck(swapped)).not.toBe(await linkCheck(request));
    expect(await problemOf(openLink(await linkFor(swapped), { device: tablet.publicKeyB64, box: tabletBox }))).toBe('notForThisDevice');
    // The link says it is for this device, but the grant inside names another key.
    const workspaces = await grantDevice({ person: person(), deviceName: 'x', workspaces: [workspace()] }, other.publicKeyB64, 5);
    expect(await problemOf(openLink(await sealLink({ person: person(), device: tablet.publicKeyB64, workspaces }, request), { device: tablet.publicKeyB64, box: tabletBox }))).toBe('grantInvalid');
    const link = await linkFor(request);
    expect(await problemOf(openLink(link.replace(/^SKL1/, 'SKL2'), { device: tablet.publicKeyB64, box: tabletBox }))).toBe('newerVersion');
    expect(await problemOf(openLink(link.slice(0, -10), { device: tablet.publicKeyB64, box: tabletBox }))).toBe('notForThisDevice');
    expect(await problemOf(openLink(encodeLinkRequest(request), { device: tablet.publicKeyB64, box: tabletBox }))).toBe('notThisKind');
    expect(() => decodeLinkRequest(link)).toThrow(DeviceLinkError);
  });

  it('reads any text as a request or names what is wrong, never anything else (property)', () => {
    const texts = fc.oneof(fc.string(), fc.string().map((s) => `SKR1.${s}`), fc.base64String().map((s) => `SKR1.${s.replace(/=+$/, '')}`));
    fc.assert(
      fc.property(texts, (text) => {
        try {
          decodeLinkRequest(text);
        } catch (error) {
          expect(error).toBeInstanceOf(DeviceLinkError);
        }
      }),
    );
  });
});
