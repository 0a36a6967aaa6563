import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_HUB_PORT, HubAddressError, HubUrlSchema, normaliseHubAddress } from './hub-address';
import { presentMembers } from './presence';
import { stateVectorGap } from './state-vector-gap';
import { computeSyncStatus, signalingState } from './sync-status';

const even = { even: true };

describe('sync status', () => {
  it('tells the truth in every state', () => {
    expect(computeSyncStatus({ online: false, signaling: 'connected', peers: [even] })).toEqual({ kind: 'offline', reason: 'switchedOff' });
    expect(computeSyncStatus({ online: true, signaling: 'none', peers: [] })).toEqual({ kind: 'offline', reason: 'noSignaling' });
    expect(computeSyncStatus({ online: true, signaling: 'connected', peers: [] })).toEqual({ kind: 'looking' });
    expect(computeSyncStatus({ online: true, signaling: 'connected', peers: [], cannotConnect: 'relayUnreachable' })).toEqual({ kind: 'looking', cannotConnect: 'relayUnreachable' });
    // A recent failed attempt says nothing once a connection is up, nor without signaling.
    expect(computeSyncStatus({ online: true, signaling: 'connected', peers: [even], cannotConnect: 'noPath' })).toEqual({ kind: 'inSync', peers: 1 });
    expect(computeSyncStatus({ online: true, signaling: 'none', peers: [], cannotConnect: 'noPath' })).toEqual({ kind: 'offline', reason: 'noSignaling' });
    expect(computeSyncStatus({ online: true, signaling: 'firstAttempt', peers: [] })).toEqual({ kind: 'connecting' });
    expect(computeSyncStatus({ online: true, signaling: 'connected', peers: [even, { even: undefined }] })).toEqual({ kind: 'connected', peers: 2, pending: 1, otherVersion: 0 });
    expect(computeSyncStatus({ online: true, signaling: 'connected', peers: [{ even: false }, { even: false }, even] })).toEqual({ kind: 'connected', peers: 3, pending: 2, otherVersion: 0 });
    expect(computeSyncStatus({ online: true, signaling: 'connected', peers: [even, { even: true, problem: { kind: 'otherVersion', version: 2 } }] })).toEqual({ kind: 'connected', peers: 2, pending: 1, otherVersion: 1 });
    expect(computeSyncStatus({ online: true, signaling: 'none', peers: [even] })).toEqual({ kind: 'inSync', peers: 1 });
  });

  it('says offline only once the first try at a signaling connection has failed', () => {
    const socket = (connected: boolean, connecting: boolean, unsuccessfulReconnects: number) => ({ connected, connecting, unsuccessfulReconnects });
    expect(signalingState([])).toBe('none');
    expect(signalingState([socket(false, true, 0)])).toBe('firstAttempt');
    expect(signalingState([socket(false, true, 1)])).toBe('none');
    expect(signalingState([socket(false, false, 0), socket(false, true, 0)])).toBe('firstAttempt');
    expect(signalingState([socket(false, true, 0), socket(true, false, 0)])).toBe('connected');
  });

  it('says in sync only when every connected peer is known to hold exactly what we hold (property)', () => {
    const peer = fc.record({ even: fc.option(fc.boolean(), { nil: undefined }), problem: fc.option(fc.constant({ kind: 'notMesh' }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom('connected', 'firstAttempt', 'none' as const), fc.array(peer, { maxLength: 5 }), (online, signaling, peers) => {
        const status = computeSyncStatus({ online, signaling, peers });
        expect(status.kind === 'inSync').toBe(online && peers.length > 0 && peers.every((p) => p.even === true && p.problem === undefined));
      }),
    );
  });
});

describe('state vector gap', () => {
  it('is zero exactly when two real Yjs replicas hold the same inserts (property)', () => {
    // Each step: which replica edits, and whether the edit is then delivered to the other.
    const steps = fc.array(fc.record({ editor: fc.constantFrom(0, 1), text: fc.string({ minLength: 1, maxLength: 4 }), delivered: fc.boolean() }), { maxLength: 12 });
    fc.assert(
      fc.property(steps, (plan) => {
        const docs = [new Y.Doc(), new Y.Doc()] as const;
        for (const { editor, text, delivered } of plan) {
          const from = docs[editor];
          const to = docs[1 - editor] as Y.Doc;
          const before = Y.encodeStateVector(from);
          from.getText('t').insert(0, text);
          if (delivered) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, before));
        }
        const [a, b] = docs;
        const gap = stateVectorGap(Y.decodeStateVector(Y.encodeStateVector(a)), Y.decodeStateVector(Y.encodeStateVector(b)));
        const missingAtB = Y.diffUpdate(Y.encodeStateAsUpdate(a), Y.encodeStateVector(b));
        const bHasAll = Y.decodeUpdate(missingAtB).structs.length === 0;
        expect(gap.remoteLacks === 0).toBe(bHasAll);
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
        expect(stateVectorGap(Y.decodeStateVector(Y.encodeStateVector(a)), Y.decodeStateVector(Y.encodeStateVector(b)))).toEqual({ remoteLacks: 0, localLacks: 0 });
      }),
    );
  });

  it('counts the clock units missing on each side', () => {
    expect(stateVectorGap(new Map([[1, 5], [2, 3]]), new Map([[1, 2], [3, 4]]))).toEqual({ remoteLacks: 6, localLacks: 4 });
    expect(stateVectorGap(new Map([[1, 5]]), new Map([[1, 5]]))).toEqual({ remoteLacks: 0, localLacks: 0 });
  });
});

describe('presence', () => {
  it('lists other members once each, ignoring self and malformed states', () => {
    const states = new Map<number, unknown>([
      [1, { user: { memberId: 'me', displayName: 'Ik', organisationName: 'A' } }],
      [2, { user: { memberId: 'bram', displayName: 'Bram', organisationName: 'Enexis' } }],
      [3, { user: { memberId: 'bram', displayName: 'Bram', organisationName: 'Enexis' } }],
      [4, { user: { memberId: 'x', displayName: 42 } }],
      [5, 'garbage'],
      [6, { user: { memberId: 'anne', displayName: 'Anne', organisationName: 'Leiden' } }],
      [7, { user: { memberId: 'me', displayName: 'Ik (ander venster)', organisationName: 'A' } }],
    ]);
    expect(presentMembers(states, 1, 'me').map((user) => user.displayName)).toEqual(['Anne', 'Bram']);
  });
});

describe('hub addresses', () => {
  it('turns what people type into hub URLs', () => {
    expect(normaliseHubAddress('192.168.1.20')).toBe('ws://192.168.1.20:4444/signal');
    expect(normaliseHubAddress('192.168.1.20')).toBe(`ws://192.168.1.20:${DEFAULT_HUB_PORT}/signal`);
    expect(normaliseHubAddress(' laptop.local:5000 ')).toBe('ws://laptop.local:5000/signal');
    expect(normaliseHubAddress('ws://127.0.0.1:5181/signal')).toBe('ws://127.0.0.1:5181/signal');
    expect(normaliseHubAddress('wss://signal.example.org')).toBe('wss://signal.example.org/signal');
    expect(normaliseHubAddress('[fe80::1]:4455')).toBe('ws://[fe80::1]:4455/signal');
  });

  it('refuses what is not a hub address', () => {
    for (const bad of ['', 'http://x.nl', 'file:///etc', 'ws://user:pw@host', 'a b', 'niet een adres!', 'ws://host%20x', 'ws://-x.nl']) {
      expect(() => normaliseHubAddress(bad), bad).toThrow(HubAddressError);
    }
    expect(HubUrlSchema.safeParse('ws://niet%20een%20adres!/').success).toBe(false);
    expect(HubUrlSchema.safeParse('ws://192.168.1.20:4455/signal').success).toBe(true);
  });

  it('only ever returns ws/wss URLs or throws HubAddressError (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          expect(normaliseHubAddress(text)).toMatch(/^wss?:\/\//);
        } catch (error) {
          expect(error).toBeInstanceOf(HubAddressError);
        }
      }),
    );
  });
});
