import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { membershipMap } from '../workspace-doc/schema';
import { currentRotation, KeyRotationError, keyCheckOf } from './key-rotation';
import { resolveMemberList } from './member-list';
import { recordId, signMembershipRecord, verifyMembershipRecord, type VerifiedRecord } from './membership-record';
import { WorkspaceMembership } from './workspace-membership';
import { generateIdentityKeys } from '../crypto/identity-keys';
import { generateBoxKeys } from '../crypto/sealed-box';
import { connectToLobby, makePeople, memberSelf, signedInvite, startWorkspaceOfFour, sync, WS, type Person } from './workspace-of-four.test-helper';

let anne: Person, bram: Person, carla: Person, dirk: Person;
beforeAll(async () => {
  [anne, bram, carla, dirk] = await makePeople();
});
const workspaceOfFour = () => startWorkspaceOfFour([anne, bram, carla, dirk]);
const selfOf = (p: Person) => memberSelf(p);

describe('key rotation on removal', () => {
  it('the remaining members open the same new key; the removed member gets none', async () => {
    const { docs, members } = await workspaceOfFour();
    const [a, b, c] = members as [WorkspaceMembership, WorkspaceMembership, WorkspaceMembership];
    expect(await c.keys.current()).toBeNull();
    const outcome = await a.remove([bram.keys.publicKeyB64]);
    expect(outcome).toEqual({ generation: 1, unreachable: [] });
    sync(...docs);
    const keyA = await a.keys.current();
    expect(keyA?.generation).toBe(1);
    expect(await c.keys.current()).toEqual(keyA);
    await expect(b.keys.current()).rejects.toMatchObject({ problem: 'noBox' });
    // A second removal makes the next generation, and Carla follows again.
    await a.remove([dirk.keys.publicKeyB64]);
    sync(...docs);
    const second = await c.keys.current();
    expect(second?.generation).toBe(2);
    expect(second?.key).not.toBe(keyA?.key);
  });

  it('names the members it could not reach, who had no encryption key yet', async () => {
    const docs = [new Y.Doc(), new Y.Doc()];
    const a = new WorkspaceMembership(docs[0] as Y.Doc, { workspaceId: WS, founderKey: anne.keys.publicKeyB64, self: selfOf(anne) });
    await a.found();
    for (const p of [bram, carla]) {
      const member = { publicKey: p.keys.publicKeyB64, displayName: p.name, organisationName: `Org ${p.name}` };
      await a.add(await signMembershipRecord({ v: 1, kind: 'admitted', workspaceId: WS, member, signer: anne.keys.publicKeyB64, inviteId: `inv-${p.name}`, invitedBy: anne.keys.publicKeyB64, at: 2 }, anne.keys.privateKey));
    }
    await a.keys.publish();
    const outcome = await a.remove([bram.keys.publicKeyB64]);
    expect(outcome.unreachable.map((m) => m.displayName)).toEqual(['Carla']);
  });

  it('a rotation by someone who is not an administrator, or a box that does not match the key check, does not count', async () => {
    const { docs, members } = await workspaceOfFour();
    const [a, , c] = members as [WorkspaceMembership, WorkspaceMembership, WorkspaceMembership];
    // Carla is no administrator: her rotation is kept in the document but ignored.
    await expect(c.keys.rotate([])).rejects.toMatchObject({ problem: 'notAdmin' });
    const forged = await signMembershipRecord({ v: 1, kind: 'rekeyed', workspaceId: WS, signer: carla.keys.publicKeyB64, at: 5, documentId: WS, generation: 7, keyCheck: keyCheckOf('x'), cause: [], envelopes: [] }, carla.keys.privateKey);
    await c.add(forged);
    sync(...docs);
    expect(await a.keys.current()).toBeNull();
    // An administrator's rotation whose boxes hold another key than the record commits to is refused by name.
    await a.remove([bram.keys.publicKeyB64]);
    const real = (await a.rotationRecords()).at(-1) as string;
    const parsed = await verifyMembershipRecord(real);
    if (parsed.kind !== 'rekeyed') throw new Error('not a rotation');
    const { text: _text, ...payload } = parsed;
    const lying = await signMembershipRecord({ ...payload, generation: 9, keyCheck: keyCheckOf('something else') }, anne.keys.privateKey);
    await a.add(lying);
    sync(...docs);
    const error = await c.keys.current().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(KeyRotationError);
    expect((error as KeyRotationError).problem).toBe('badBox');
  });

  it('two administrators rotating at once: every peer ends on the same key, whatever order the records arrive in (property)', async () => {
    const { docs, members } = await workspaceOfFour();
    const [a, , c] = members as [WorkspaceMembership, WorkspaceMembership, WorkspaceMembership];
    await a.grantAdmin(carla.keys.publicKeyB64);
    sync(...docs);
    // Concurrently, unseen by each other: Anne removes Bram, Carla removes Dirk.
    await Promise.all([a.remove([bram.keys.publicKeyB64]), c.remove([dirk.keys.publicKeyB64])]);
    const texts = [...membershipMap(docs[0] as Y.Doc).values(), ...membershipMap(docs[2] as Y.Doc).values()].filter((v): v is string => typeof v === 'string');
    const records = await Promise.all([...new Set(texts)].map((t) => verifyMembershipRecord(t)));
    const chosen = (order: readonly VerifiedRecord[]) => {
      const list = resolveMemberList(order, WS, anne.keys.publicKeyB64);
      return currentRotation(order, list.admins, WS)?.text;
    };
    const expected = chosen(records);
    expect(expected).toBeDefined();
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), fc.array(fc.nat({ max: records.length - 1 }), { maxLength: 5 }), (order, dupes) => {
        expect(chosen([...order, ...dupes.map((i) => records[i] as VerifiedRecord)])).toBe(expected);
      }),
      { numRuns: 60 },
    );
    sync(...docs);
    const keyA = await a.keys.current();
    expect(await c.keys.current()).toEqual(keyA);
    expect(keyA?.generation).toBe(1);
    expect(recordId(expected as string)).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('the lobby on an old key', () => {
  it('hands a member who was away the rotation, so they open the new key; a removed member is refused there', async () => {
    const { docs, members } = await workspaceOfFour();
    const [a, b, c] = members as [WorkspaceMembership, WorkspaceMembership, WorkspaceMembership];
    await a.remove([bram.keys.publicKeyB64]);
    // Only Anne's document has the rotation; Carla was away.
    expect(await c.keys.current()).toBeNull();
    const atCarla = await connectToLobby(c, a);
    expect(atCarla.atMember).toHaveLength(1);
    expect(await c.keys.current()).toEqual(await a.keys.current());
    // The rotation came with the removal that caused it, and nothing else: not the invite Anne issued meanwhile.
    expect((await c.list()).removed.has(bram.keys.publicKeyB64)).toBe(true);
    await a.issue('later-invite', Date.now() + 1000);
    await connectToLobby(c, a);
    expect((await c.list()).issuedInvites.has('later-invite')).toBe(false);
    // Bram, removed, gets nothing but a refusal.
    sync(docs[0] as Y.Doc, docs[1] as Y.Doc);
    const atBram = await connectToLobby(b, a);
    expect(atBram.failedAtMember).toContain('removed');
    await expect(b.keys.current()).rejects.toMatchObject({ problem: 'noBox' });
  });

  it('a member whom the removed member admitted still proves membership, with the chain, not with the used invite', async () => {
    const docs = [new Y.Doc(), new Y.Doc()] as [Y.Doc, Y.Doc];
    const a = new WorkspaceMembership(docs[0], { workspaceId: WS, founderKey: anne.keys.publicKeyB64, self: selfOf(anne) });
    await a.found();
    const admit = (by: Person, p: Person, at: number) =>
      signMembershipRecord(
        { v: 1, kind: 'admitted', workspaceId: WS, member: { publicKey: p.keys.publicKeyB64, displayName: p.name, organisationName: `Org ${p.name}` }, signer: by.keys.publicKeyB64, inviteId: `inv-${p.name}`, invitedBy: by.keys.publicKeyB64, at },
        by.keys.privateKey,
      );
    await a.add(await admit(anne, bram, 2));
    await a.add(await admit(bram, carla, 3));
    await a.remove([bram.keys.publicKeyB64]);
    sync(...docs);
    // Carla joined with an invite, which is used up: she proves as a member, her chain passing through Bram.
    const c = new WorkspaceMembership(docs[1], { workspaceId: WS, founderKey: anne.keys.publicKeyB64, self: selfOf(carla), inviteCode: 'used-invite' });
    const transcript = () => new Uint8Array([1, 2, 3]);
    const proof = await c.prove(transcript);
    expect(proof.as).toBe('member');
    expect(await a.check(proof, transcript)).toMatchObject({ ok: true });
    expect(proof.as === 'member' && proof.chain).toHaveLength(3);
  });

  it('admits nobody with an invite made before the rotation (it carries the old key); a newer invite admits', async () => {
    const { members } = await workspaceOfFour();
    const [a] = members as [WorkspaceMembership];
    await a.remove([bram.keys.publicKeyB64]);
    const eve: Person = { keys: await generateIdentityKeys(), box: await generateBoxKeys(), name: 'Eve' };
    const rotatedAt = (await a.keys.rotatedAt()) as number;
    const inviteAt = (createdAt: number) => signedInvite(anne.keys, { workspaceId: WS, founderKey: anne.keys.publicKeyB64 }, { createdAt });
    const newcomer = async (createdAt: number) => new WorkspaceMembership(new Y.Doc(), { workspaceId: WS, founderKey: anne.keys.publicKeyB64, self: memberSelf(eve), inviteCode: await inviteAt(createdAt) });
    expect((await connectToLobby(await newcomer(rotatedAt - 1000), a)).failedAtMember).toContain('inviteRevoked');
    expect((await connectToLobby(await newcomer(rotatedAt + 1), a)).atMember).toHaveLength(1);
  });
});
