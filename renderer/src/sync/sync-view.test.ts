import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { SyncViewStore, type SyncSource } from './sync-view';

/** A sync that notifies whenever told, as the real one does on every presence renewal and caret move. */
function fakeSync() {
  const awareness = new Awareness(new Y.Doc());
  const listeners = new Set<() => void>();
  let status: SyncStatus = { kind: 'looking' } as SyncStatus;
  const sync = {
    awareness,
    status: () => status,
    refusals: () => [],
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as SyncSource;
  const notify = () => listeners.forEach((listener) => listener());
  return { sync, awareness, notify, setStatus: (next: SyncStatus) => (status = next) };
}

describe('the sync view store', () => {
  it('tells its readers only when what they show changed, and keeps each unchanged field as it was', () => {
    const { sync, awareness, notify, setStatus } = fakeSync();
    const store = SyncViewStore.following(sync, 'self');
    let told = 0;
    store.subscribe(() => (told += 1));
    const before = store.getSnapshot();

    notify(); // a presence renewal with nothing new
    expect(told).toBe(0);
    expect(store.getSnapshot()).toBe(before);

    const peer = new Awareness(new Y.Doc());
    peer.setLocalStateField('user', { memberId: 'bram', displayName: 'Bram Jansen', organisationName: 'Liander' });
    awareness.states.set(peer.clientID, peer.getLocalState() ?? {});
    notify();
    expect(told).toBe(1);
    expect(store.getSnapshot().present.map((user) => user.memberId)).toEqual(['bram']);
    expect(store.getSnapshot().status).toBe(before.status);

    const present = store.getSnapshot().present;
    setStatus({ kind: 'inSync', peers: 1 });
    notify();
    expect(told).toBe(2);
    expect(store.getSnapshot().present).toBe(present);

    store.dispose();
    notify();
    expect(told).toBe(2);
  });

  it('a sync that is starting or failed shows that and never changes', () => {
    const store = SyncViewStore.fixed({ kind: 'failed', problem: 'no hub' });
    expect(store.getSnapshot()).toEqual({ status: { kind: 'failed', problem: 'no hub' }, present: [], refusedInvite: undefined });
  });
});
