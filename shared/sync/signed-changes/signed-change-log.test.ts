import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentityKeys, sign, verifyWithPublicKeyText, type IdentityKeys } from '../../crypto/identity-keys';
import { addOrganisation } from '../../workspace-doc/organisations';
import type { WriteAuthor } from '../../rules/write-rules';
import { SignedChangeLog, type AuthorStanding, type StoredChange } from './signed-change-log';

interface Peer {
  readonly doc: Y.Doc;
  readonly log: SignedChangeLog;
  readonly keys: IdentityKeys;
  /** Local updates sealed, in order. */
  readonly sent: Uint8Array[];
}

const REMOTE = Symbol('remote');

async function peers(members: Map<string, WriteAuthor>, count = 3): Promise<Peer[]> {
  const out: Peer[] = [];
  for (let i = 0; i < count; i++) {
    const keys = await generateIdentityKeys();
    const doc = new Y.Doc();
    const log = new SignedChangeLog(doc, {
      documentId: 'ws-1',
      kind: 'workspace',
      signer: { publicKeyB64: keys.publicKeyB64, sign: (m) => sign(keys.privateKey, m) },
      standingOf: async (key): Promise<AuthorStanding> => {
        const author = members.get(key);
        return author ? { kind: 'member', author } : { kind: 'unknown' };
      },
      founderKey: () => null,
      verify: verifyWithPublicKeyText,
    });
    const sent: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) void log.seal(update).then((change) => sent.push(change));
    });
    out.push({ doc, log, keys, sent });
  }
  return out;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('signed change log', () => {
  it("applies a member's own changes, refuses another organisation's, and names who and which rule", async () => {
    const members = new Map<string, WriteAuthor>();
    const [anne, bram] = await peers(members, 2);
    if (!anne || !bram) throw new Error('peers');
    members.set(anne.keys.publicKeyB64, { memberId: 'anne', publicKey: anne.keys.publicKeyB64, organisationName: 'Gemeente', isAdmin: true });
    members.set(bram.keys.publicKeyB64, { memberId: 'bram', publicKey: bram.keys.publicKeyB64, organisationName: 'Liander', isAdmin: false });
    const gemeente = addOrganisation(anne.doc, { name: 'Gemeente', type: 'municipality', description: '', website: '' }, { memberId: 'anne', now: 1 });
    anne.doc.getMap('interests').set(gemeente, new Y.Map([['strategy', 'wind']]));
    await settle();
    await bram.log.receive(anne.sent, REMOTE);
    expect((bram.doc.getMap('interests').get(gemeente) as Y.Map<unknown>).get('strategy')).toBe('wind');
    // Bram's app is honest; a hostile one writes anyway and sends the signed change.
    (bram.doc.getMap('interests').get(gemeente) as Y.Map<unknown>).set('strategy', 'niets');
    await settle();
    await anne.log.receive(bram.sent, REMOTE);
    expect((anne.doc.getMap('interests').get(gemeente) as Y.Map<unknown>).get('strategy')).toBe('wind');
    const [refusal] = anne.log.refusals();
    expect(refusal?.signer).toBe(bram.keys.publicKeyB64);
    expect(refusal?.cause).toMatchObject({ kind: 'rules', effects: expect.arrayContaining([{ path: ['interests', gemeente, 'strategy'], op: 'insert', rule: 'otherOrganisation' }]) });
  });

  it('relays a catch-up as the authors signed it, deletions included, and holds a change until its signer is admitted', async () => {
    const members = new Map<string, WriteAuthor>();
    const [anne, bram, carla] = await peers(members, 3);
    if (!anne || !bram || !carla) throw new Error('peers');
    members.set(anne.keys.publicKeyB64, { memberId: 'anne', publicKey: anne.keys.publicKeyB64, organisationName: 'Gemeente', isAdmin: true });
    anne.doc.getMap('ideas').set('i1', new Y.Map([['createdBy', 'anne'], ['title', 'Zon']]));
    anne.doc.getMap('ideas').delete('i1');
    anne.doc.getMap('ideas').set('i2', new Y.Map([['createdBy', 'anne']]));
    await settle();
    await bram.log.receive(anne.sent, REMOTE);
    // Carla asks Bram, who answers with Anne's own signed changes.
    const lacking = bram.log.covering(Y.snapshot(carla.doc));
    expect(lacking.length).toBe(anne.sent.length);
    await carla.log.receive(lacking, REMOTE);
    expect([...carla.doc.getMap('ideas').keys()]).toEqual(['i2']);
    expect(bram.log.covering(Y.snapshot(carla.doc))).toEqual([]);

    // Dora's change arrives before the admission that makes her a member.
    const [dora] = await peers(members, 1);
    if (!dora) throw new Error('peer');
    dora.doc.getMap('ideas').set('d1', new Y.Map([['createdBy', 'dora']]));
    await settle();
    await carla.log.receive(dora.sent, REMOTE);
    expect(carla.doc.getMap('ideas').has('d1')).toBe(false);
    expect(carla.log.heldCount).toBe(1);
    members.set(dora.keys.publicKeyB64, { memberId: 'dora', publicKey: dora.keys.publicKeyB64, organisationName: 'Coöp', isAdmin: false });
    await carla.log.retry(REMOTE);
    expect(carla.doc.getMap('ideas').has('d1')).toBe(true);
  });

  it('refuses a change whose bytes were altered, or that was signed for another workspace', async () => {
    const members = new Map<string, WriteAuthor>();
    const [anne, bram] = await peers(members, 2);
    if (!anne || !bram) throw new Error('peers');
    members.set(anne.keys.publicKeyB64, { memberId: 'anne', publicKey: anne.keys.publicKeyB64, organisationName: 'Gemeente', isAdmin: true });
    anne.doc.getMap('ideas').set('i1', new Y.Map([['createdBy', 'anne'], ['title', 'Zon']]));
    await settle();
    const change = anne.sent[0];
    if (!change) throw new Error('no change');
    const altered = change.slice();
    const at = altered.indexOf('Z'.charCodeAt(0));
    altered[at] = 'W'.charCodeAt(0);
    await bram.log.receive([altered, new Uint8Array([67, 1, 0])], REMOTE);
    expect(bram.log.refusals().map((r) => r.cause.kind)).toEqual(['badSignature']);
    expect(bram.doc.getMap('ideas').size).toBe(0);
    const other = new SignedChangeLog(new Y.Doc(), {
      documentId: 'ws-2',
      kind: 'workspace',
      signer: { publicKeyB64: anne.keys.publicKeyB64, sign: (m) => sign(anne.keys.privateKey, m) },
      standingOf: async () => ({ kind: 'open' }),
      founderKey: () => null,
      verify: verifyWithPublicKeyText,
    });
    await other.receive([change], REMOTE);
    expect(other.refusals().map((r) => r.cause.kind)).toEqual(['otherDocument']);
  });

  it('signs on opening what no kept change covers, deletions made offline included', async () => {
    const keys = await generateIdentityKeys();
    const stored: StoredChange[] = [];
    const store = { load: async () => [...stored], append: async (changes: readonly StoredChange[]) => void stored.push(...changes) };
    const options = {
      documentId: 'ws-1',
      kind: 'workspace' as const,
      signer: { publicKeyB64: keys.publicKeyB64, sign: (m: Uint8Array) => sign(keys.privateKey, m) },
      standingOf: async (): Promise<AuthorStanding> => ({ kind: 'open' }),
      founderKey: () => null,
      verify: verifyWithPublicKeyText,
      store,
    };
    const doc = new Y.Doc();
    doc.getMap('ideas').set('i1', new Y.Map([['createdBy', 'x']]));
    await new SignedChangeLog(doc, options).open();
    await settle();
    expect(stored.length).toBe(1);
    // Opened again with nothing new: nothing to sign.
    await new SignedChangeLog(doc, options).open();
    await settle();
    expect(stored.length).toBe(1);
    // Offline, with no log running, the idea is deleted: the next opening signs that too.
    doc.getMap('ideas').delete('i1');
    const log = new SignedChangeLog(doc, options);
    await log.open();
    await settle();
    expect(stored.length).toBe(2);
    const fresh = new Y.Doc();
    const { store: _unused, ...withoutStore } = options;
    await new SignedChangeLog(fresh, withoutStore).receive(log.covering(Y.snapshot(fresh)), REMOTE);
    expect(fresh.getMap('ideas').size).toBe(0);
    // The fresh copy holds the deletion too: nothing of the log is lacking.
    expect(log.covering(Y.snapshot(fresh))).toEqual([]);
  });

  it("takes a refused change's clocks, so the same member's later change within the rules still arrives, and passes it on to be judged", async () => {
    const members = new Map<string, WriteAuthor>();
    const [anne, bram, carla] = await peers(members, 3);
    if (!anne || !bram || !carla) throw new Error('peers');
    members.set(anne.keys.publicKeyB64, { memberId: 'anne', publicKey: anne.keys.publicKeyB64, organisationName: 'Gemeente', isAdmin: true });
    members.set(bram.keys.publicKeyB64, { memberId: 'bram', publicKey: bram.keys.publicKeyB64, organisationName: 'Liander', isAdmin: false });
    anne.doc.getMap('ideas').set('i1', new Y.Map([['createdBy', 'anne'], ['title', 'Zon']]));
    await settle();
    await bram.log.receive(anne.sent, REMOTE);
    // Bram's client deletes Anne's idea (refused), then adds one of his own in a second change.
    bram.doc.transact(() => {
      bram.doc.getMap('ideas').delete('i1');
      bram.doc.getMap('junk').set('x', 1);
    });
    await settle();
    bram.doc.getMap('ideas').set('b1', new Y.Map([['createdBy', 'bram'], ['title', 'Wind']]));
    await settle();
    expect(bram.sent.length).toBe(2);
    await anne.log.receive(bram.sent, REMOTE);
    expect(anne.doc.getMap('ideas').has('i1')).toBe(true);
    expect(anne.doc.getMap('junk').size).toBe(0);
    expect((anne.doc.getMap('ideas').get('b1') as Y.Map<unknown> | undefined)?.get('title')).toBe('Wind');
    expect(anne.doc.store.pendingStructs).toBeNull();
    expect(anne.log.refusals().map((r) => r.cause.kind)).toEqual(['rules']);
    // Carla catches up from Anne: she gets Bram's refused change to judge for herself, and ends as Anne is.
    await carla.log.receive(anne.log.covering(Y.snapshot(carla.doc)), REMOTE);
    expect(Y.encodeStateVector(carla.doc)).toEqual(Y.encodeStateVector(anne.doc));
    expect([...carla.doc.getMap('ideas').keys()].sort()).toEqual(['b1', 'i1']);
    expect(carla.log.refusals().map((r) => r.cause.kind)).toEqual(['rules']);
    // Nothing more is lacking between them, the refused deletion included.
    expect(anne.log.covering(Y.snapshot(carla.doc))).toEqual([]);
  });

  it("refuses, without taking its clocks, a change made under another member's Yjs client id", async () => {
    const members = new Map<string, WriteAuthor>();
    const [anne, bram] = await peers(members, 2);
    if (!anne || !bram) throw new Error('peers');
    members.set(anne.keys.publicKeyB64, { memberId: 'anne', publicKey: anne.keys.publicKeyB64, organisationName: 'Gemeente', isAdmin: true });
    members.set(bram.keys.publicKeyB64, { memberId: 'bram', publicKey: bram.keys.publicKeyB64, organisationName: 'Liander', isAdmin: false });
    anne.doc.getMap('ideas').set('i1', new Y.Map([['createdBy', 'anne']]));
    await settle();
    await bram.log.receive(anne.sent, REMOTE);
    // A copy of Anne's document, written by Bram's log: the next clock of Anne's client id, signed by Bram.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(anne.doc));
    forged.clientID = anne.doc.clientID;
    const before = Y.encodeStateVector(forged);
    forged.getMap('ideas').set('f1', new Y.Map([['createdBy', 'bram']]));
    const change = await bram.log.seal(Y.encodeStateAsUpdate(forged, before));
    const carlaLike = (await peers(members, 1))[0];
    if (!carlaLike) throw new Error('peer');
    await carlaLike.log.receive([...anne.sent, change], REMOTE);
    expect(carlaLike.doc.getMap('ideas').has('f1')).toBe(false);
    expect(carlaLike.log.refusals().map((r) => r.cause.kind)).toEqual(['otherClient']);
    // Anne's own next change, at that same clock, still arrives.
    anne.doc.getMap('ideas').set('i2', new Y.Map([['createdBy', 'anne']]));
    await settle();
    await carlaLike.log.receive(anne.sent, REMOTE);
    expect(carlaLike.doc.getMap('ideas').has('i2')).toBe(true);
  });

  it('keeps a refused change across a reload, as refused', async () => {
    const members = new Map<string, WriteAuthor>();
    const [anne, bram] = await peers(members, 2);
    if (!anne || !bram) throw new Error('peers');
    members.set(anne.keys.publicKeyB64, { memberId: 'anne', publicKey: anne.keys.publicKeyB64, organisationName: 'Gemeente', isAdmin: true });
    members.set(bram.keys.publicKeyB64, { memberId: 'bram', publicKey: bram.keys.publicKeyB64, organisationName: 'Liander', isAdmin: false });
    bram.doc.getMap('junk').set('x', 1);
    await settle();
    const stored: StoredChange[] = [];
    const options = {
      documentId: 'ws-1',
      kind: 'workspace' as const,
      signer: { publicKeyB64: anne.keys.publicKeyB64, sign: (m: Uint8Array) => sign(anne.keys.privateKey, m) },
      standingOf: async (key: string): Promise<AuthorStanding> => {
        const author = members.get(key);
        return author ? { kind: 'member', author } : { kind: 'unknown' };
      },
      founderKey: () => null,
      verify: verifyWithPublicKeyText,
      store: { load: async () => [...stored], append: async (changes: readonly StoredChange[]) => void stored.push(...changes) },
    };
    const doc = new Y.Doc();
    const first = new SignedChangeLog(doc, options);
    await first.open();
    await first.receive(bram.sent, REMOTE);
    await settle();
    expect(stored.map((c) => c.refused === true)).toEqual([true]);
    // Reopened over the same document: the placeholder's clocks are covered, so nothing is sealed as a baseline.
    const again = new SignedChangeLog(doc, options);
    await again.open();
    await settle();
    expect(stored.length).toBe(1);
    expect(again.covering(Y.snapshot(new Y.Doc())).length).toBe(1);
  });
});
