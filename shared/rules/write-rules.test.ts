import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { signMandateRecord } from '../mandates/mandate-record';
import { addIntroduction } from '../workspace-doc/introductions';
import { addOrganisation } from '../workspace-doc/organisations';
import { updateEffects } from './update-effects';
import { refusedEffects, type WriteAuthor } from './write-rules';

const ANNE_KEY = 'A'.repeat(43);
const BRAM_KEY = 'B'.repeat(43);
const anne: WriteAuthor = { memberId: 'anne', publicKey: ANNE_KEY, organisationName: 'Gemeente Noord', isAdmin: true };
const bram: WriteAuthor = { memberId: 'bram', publicKey: BRAM_KEY, organisationName: 'Liander', isAdmin: false };

function workspace(): { doc: Y.Doc; noord: string; liander: string } {
  const doc = new Y.Doc();
  const noord = addOrganisation(doc, { name: 'Gemeente Noord', type: 'municipality', description: '', website: '' }, { memberId: 'anne', now: 1 });
  const liander = addOrganisation(doc, { name: 'Liander', type: 'gridOperator', description: '', website: '' }, { memberId: 'anne', now: 1 });
  doc.getMap('interests').set(noord, new Y.Map([['strategy', 'wind']]));
  const idea = new Y.Map<unknown>([['title', 'Zon'], ['createdBy', 'anne']]);
  doc.getMap('ideas').set('i1', idea);
  idea.set('votes', new Y.Map());
  const goal = new Y.Map<unknown>([['createdBy', 'anne']]);
  doc.getMap('goals').set('g1', goal);
  goal.set('stances', new Y.Array());
  (goal.get('stances') as Y.Array<unknown>).push([{ memberId: 'anne' }]);
  return { doc, noord, liander };
}

function rulesBroken(doc: Y.Doc, author: WriteAuthor, change: (copy: Y.Doc) => void, kind: 'workspace' | 'room' = 'workspace'): string[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  const { effects } = updateEffects(doc, Y.encodeStateAsUpdate(copy, before));
  return [...new Set(refusedEffects(doc, effects, author, kind).map((r) => r.rule))];
}

const map = (doc: Y.Doc, root: string, key: string) => doc.getMap(root).get(key) as Y.Map<unknown>;

describe('write rules on receive', () => {
  it("refuses another organisation's interests, and takes one's own", () => {
    const { doc, noord, liander } = workspace();
    expect(rulesBroken(doc, bram, (c) => map(c, 'interests', noord).set('strategy', 'niets'))).toEqual(['otherOrganisation']);
    expect(rulesBroken(doc, bram, (c) => c.getMap('interests').set(liander, new Y.Map([['strategy', 'net']])))).toEqual([]);
    expect(rulesBroken(doc, anne, (c) => map(c, 'interests', noord).set('strategy', 'zon'))).toEqual([]);
  });

  it("refuses another organisation's profile and mandates, also from an administrator", () => {
    const { doc, noord } = workspace();
    expect(rulesBroken(doc, bram, (c) => map(c, 'organisations', noord).set('description', 'x'))).toEqual(['otherOrganisation']);
    // Unsigned mandate entries (from before signed mandates) are not written any more, by anyone.
    expect(rulesBroken(doc, bram, (c) => c.getMap('mandates').set(JSON.stringify([noord, 'bram']), { at: 1 }))).toEqual(['signedRecord']);
    expect(rulesBroken(doc, anne, (c) => c.getMap('mandates').set(JSON.stringify([noord, 'anne']), { at: 1 }))).toEqual(['signedRecord']);
    const lianderOnly = { ...anne, organisationName: 'Liander', memberId: 'carla' };
    expect(rulesBroken(doc, lianderOnly, (c) => map(c, 'interests', noord).set('strategy', 'x'))).toEqual(['otherOrganisation']);
  });

  it('refuses a profile that says another organisation: belonging comes from the signed admission', () => {
    const { doc, noord } = workspace();
    const claims = (c: Y.Doc) => {
      c.getMap('members').set('bram', new Y.Map([['organisationId', noord]]));
      map(c, 'interests', noord).set('strategy', 'x');
    };
    expect(rulesBroken(doc, bram, claims)).toEqual(['otherOrganisation']);
  });

  it('refuses deleting what one did not create, altering a signed stance, and clearing everything', () => {
    const { doc } = workspace();
    expect(rulesBroken(doc, bram, (c) => c.getMap('ideas').delete('i1'))).toEqual(['notCreator']);
    expect(rulesBroken(doc, bram, (c) => (map(c, 'goals', 'g1').get('stances') as Y.Array<unknown>).delete(0, 1))).toEqual(['signedRecord']);
    const clearAll = (c: Y.Doc) => {
      for (const root of ['organisations', 'interests', 'ideas', 'goals']) for (const key of [...c.getMap(root).keys()]) c.getMap(root).delete(key);
    };
    expect(rulesBroken(doc, bram, clearAll).sort()).toEqual(['notCreator', 'otherOrganisation']);
    expect(rulesBroken(doc, anne, (c) => c.getMap('ideas').delete('i1'))).toEqual([]);
  });

  it("refuses someone else's vote and a writer-filled author that is not the signer", () => {
    const { doc } = workspace();
    expect(rulesBroken(doc, bram, (c) => (map(c, 'ideas', 'i1').get('votes') as Y.Map<unknown>).set('anne', 1))).toEqual(['otherVote']);
    expect(rulesBroken(doc, bram, (c) => (map(c, 'ideas', 'i1').get('votes') as Y.Map<unknown>).set('bram', 1))).toEqual([]);
    expect(rulesBroken(doc, bram, (c) => c.getMap('goals').set('g2', new Y.Map([['createdBy', 'anne']])))).toEqual(['authorField']);
    expect(rulesBroken(doc, bram, (c) => c.getMap('goals').set('g2', new Y.Map([['createdBy', 'bram']])))).toEqual([]);
  });

  it('refuses roots the app does not know and altered membership records', () => {
    const { doc } = workspace();
    expect(rulesBroken(doc, bram, (c) => c.getMap('junk').set('x', 1))).toEqual(['unknownPart']);
    expect(doc.share.has('junk')).toBe(false);
    doc.getMap('membership').set('r1', 'SKM1.a');
    expect(rulesBroken(doc, bram, (c) => c.getMap('membership').set('r2', 'SKM1.b'))).toEqual([]);
    expect(rulesBroken(doc, bram, (c) => c.getMap('membership').delete('r1'))).toEqual(['signedRecord']);
  });

  describe('mandate records', () => {
    let anneKeys: IdentityKeys;
    let bramKeys: IdentityKeys;
    beforeAll(async () => {
      [anneKeys, bramKeys] = await Promise.all([generateIdentityKeys(), generateIdentityKeys()]);
    });
    const as = (keys: IdentityKeys, organisationName: string): WriteAuthor => ({ memberId: keys.memberId, publicKey: keys.publicKeyB64, organisationName, isAdmin: false });
    const grant = (signer: IdentityKeys, organisationId: string, subject = signer) =>
      signMandateRecord({ v: 1, kind: 'granted', workspaceId: 'w', organisationId, subject: subject.publicKeyB64, signer: signer.publicKeyB64, at: 5 }, signer.privateKey);

    it('takes a record signed by the change signer for their own organisation (by admission)', async () => {
      const { doc, noord } = workspace();
      const record = await grant(anneKeys, noord);
      expect(rulesBroken(doc, as(anneKeys, 'Gemeente Noord'), (c) => c.getMap('mandates').set(record.id, record.text))).toEqual([]);
    });

    it('refuses a record signed by someone else than the change signer (a forged or relayed grant)', async () => {
      const { doc, noord } = workspace();
      const record = await grant(anneKeys, noord);
      expect(rulesBroken(doc, as(bramKeys, 'Gemeente Noord'), (c) => c.getMap('mandates').set(record.id, record.text))).toEqual(['otherSigner']);
    });

    it("refuses a grant for another organisation than the signer's admission, whatever their profile says", async () => {
      const { doc, noord } = workspace();
      const record = await grant(bramKeys, noord);
      const claims = (c: Y.Doc) => {
        c.getMap('members').set(bramKeys.memberId, new Y.Map([['organisationId', noord]]));
        c.getMap('mandates').set(record.id, record.text);
      };
      expect(rulesBroken(doc, as(bramKeys, 'Liander'), claims)).toEqual(['otherOrganisation']);
    });

    it('keeps records added only: no other key, no change, no deletion, nothing unreadable', async () => {
      const { doc, noord } = workspace();
      const record = await grant(anneKeys, noord);
      const anneAuthor = as(anneKeys, 'Gemeente Noord');
      expect(rulesBroken(doc, anneAuthor, (c) => c.getMap('mandates').set('0'.repeat(32), record.text))).toEqual(['signedRecord']);
      expect(rulesBroken(doc, anneAuthor, (c) => c.getMap('mandates').set(record.id, `${record.text}x`))).toEqual(['signedRecord']);
      expect(rulesBroken(doc, anneAuthor, (c) => c.getMap('mandates').set(record.id, { not: 'a record' }))).toEqual(['signedRecord']);
      doc.getMap('mandates').set(record.id, record.text);
      expect(rulesBroken(doc, anneAuthor, (c) => c.getMap('mandates').delete(record.id))).toEqual(['signedRecord']);
      const other = await grant(anneKeys, noord, bramKeys);
      expect(rulesBroken(doc, anneAuthor, (c) => c.getMap('mandates').set(record.id, other.text))).toEqual(['signedRecord']);
    });

    it('lets members of an organisation clear its old unsigned entries', () => {
      const { doc, noord } = workspace();
      doc.getMap('mandates').set(JSON.stringify([noord, 'anne']), { at: 1 });
      expect(rulesBroken(doc, anne, (c) => c.getMap('mandates').delete(JSON.stringify([noord, 'anne'])))).toEqual([]);
      expect(rulesBroken(doc, bram, (c) => c.getMap('mandates').delete(JSON.stringify([noord, 'anne'])))).toEqual(['otherOrganisation']);
    });
  });

  it("adds a room's key rotations, never alters or removes one, and keeps them out of the workspace", () => {
    const room = new Y.Doc();
    room.getMap('roomKeys').set('k1', 'SKM1.a');
    expect(rulesBroken(room, bram, (c) => c.getMap('roomKeys').set('k2', 'SKM1.b'), 'room')).toEqual([]);
    expect(rulesBroken(room, bram, (c) => c.getMap('roomKeys').set('k1', 'SKM1.c'), 'room')).toEqual(['signedRecord']);
    expect(rulesBroken(room, anne, (c) => c.getMap('roomKeys').delete('k1'), 'room')).toEqual(['signedRecord']);
    expect(rulesBroken(workspace().doc, bram, (c) => c.getMap('roomKeys').set('k2', 'SKM1.b'))).toEqual(['unknownPart']);
  });

  it("takes an introduction's owner from its declaration: only who made it (`by`) changes or removes it", () => {
    const { doc } = workspace();
    const id = addIntroduction(doc, { kind: 'members', a: 'carla', b: 'dirk', note: 'Praat over warmte' }, { memberId: 'bram', now: 1 });
    const carla: WriteAuthor = { ...bram, memberId: 'carla', publicKey: 'C'.repeat(43) };
    expect(rulesBroken(doc, carla, (c) => map(c, 'introductions', id).set('note', 'Iets anders'))).toEqual(['notCreator']);
    expect(rulesBroken(doc, carla, (c) => c.getMap('introductions').delete(id))).toEqual(['notCreator']);
    expect(rulesBroken(doc, bram, (c) => map(c, 'introductions', id).set('note', 'Over warmte en wind'))).toEqual([]);
    expect(rulesBroken(doc, bram, (c) => c.getMap('introductions').delete(id))).toEqual([]);
  });

  it("refuses an idea put whole in place of someone else's, which would change its author's fields", () => {
    const { doc } = workspace();
    expect(rulesBroken(doc, bram, (c) => c.getMap('ideas').set('i1', new Y.Map<unknown>([['title', 'Wind']])))).toContain('notCreator');
    expect(rulesBroken(doc, bram, (c) => map(c, 'ideas', 'i1').set('status', { state: 'adopted' }))).toEqual([]);
  });
});
