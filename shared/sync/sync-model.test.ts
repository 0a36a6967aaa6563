import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubAddressError, HubUrlSchema, normaliseHubAddress } from './hub-address';
import { presentMembers } from './presence';
import { computeSyncStatus } from './sync-status';

describe('sync status', () => {
  it('tells the truth in every state', () => {
    expect(computeSyncStatus({ online: false, signalingConnected: true, peers: [{ synced: true }] })).toEqual({ kind: 'offline', reason: 'switchedOff' });
    expect(computeSyncStatus({ online: true, signalingConnected: false, peers: [] })).toEqual({ kind: 'offline', reason: 'noSignaling' });
    expect(computeSyncStatus({ online: true, signalingConnected: true, peers: [] })).toEqual({ kind: 'looking' });
    expect(computeSyncStatus({ online: true, signalingConnected: true, peers: [{ synced: true }, { synced: false }] })).toEqual({ kind: 'connected', peers: 2 });
    expect(computeSyncStatus({ online: true, signalingConnected: false, peers: [{ synced: true }] })).toEqual({ kind: 'inSync', peers: 1 });
  });

  it('never says in sync without a peer (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.array(fc.record({ synced: fc.boolean() }), { maxLength: 5 }), (online, signalingConnected, peers) => {
        const status = computeSyncStatus({ online, signalingConnected, peers });
        if (status.kind === 'inSync') expect(peers.length > 0 && peers.every((p) => p.synced) && online).toBe(true);
      }),
    );
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
    expect(normaliseHubAddress('192.168.1.20')).toBe('ws://192.168.1.20:4455/signal');
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
