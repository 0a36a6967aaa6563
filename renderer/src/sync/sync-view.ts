import { useReducer, useEffect, useSyncExternalStore } from 'react';
import { presentMembers, type PresenceUser } from '../../../shared/sync/presence';
import type { RefusalReason } from '../../../shared/membership/peer-auth';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';

/** Refusals that only a new invite mends: the user is told so beside the status. */
const INVITE_REFUSALS: readonly RefusalReason[] = ['inviteUsed', 'inviteExpired', 'inviteRevoked', 'inviteInvalid', 'otherWorkspace', 'notMember', 'removed'];

export type ShownSyncStatus = SyncStatus | { kind: 'starting' } | { kind: 'failed'; problem: string };

/** What the screens show of a sync: its status, who is here, and why a partner refused us. */
export interface SyncView {
  readonly status: ShownSyncStatus;
  readonly present: readonly PresenceUser[];
  /** Why a partner did not let this device in, when that is why it has no connection (a used or expired invite). */
  readonly refusedInvite: RefusalReason | undefined;
}

const samePresent = (a: readonly PresenceUser[], b: readonly PresenceUser[]): boolean =>
  a.length === b.length && a.every((user, i) => user.memberId === b[i]?.memberId && user.displayName === b[i]?.displayName && user.organisationName === b[i]?.organisationName);

const sameStatus = (a: ShownSyncStatus, b: ShownSyncStatus): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What the view reads of a running sync. */
export type SyncSource = Pick<WorkspaceSync, 'status' | 'awareness' | 'refusals' | 'subscribe'>;

function viewOf(sync: SyncSource, memberId: string): SyncView {
  const status = sync.status();
  const present = status.kind === 'offline' ? [] : presentMembers(sync.awareness.getStates(), sync.awareness.clientID, memberId);
  const lastRefusal = sync.refusals().find((refusal) => refusal.byThem);
  const refusedInvite = status.kind === 'looking' && lastRefusal && INVITE_REFUSALS.includes(lastRefusal.reason) ? lastRefusal.reason : undefined;
  return { status, present, refusedInvite };
}

/**
 * The sync's status and presence as a store of their own (issue 14, item 2):
 * the sync notifies on every presence renewal, caret move and connection
 * event, but a screen re-renders only when what it shows changed. Each field
 * keeps its identity while its content is the same, so a component that
 * reads one field (useSyncField) re-renders only for that one.
 */
export class SyncViewStore {
  private view: SyncView;
  private readonly listeners = new Set<() => void>();
  private readonly stop: () => void;

  private constructor(
    initial: SyncView,
    private readonly read?: () => SyncView,
    follow?: (onChange: () => void) => () => void,
  ) {
    this.view = initial;
    this.stop = follow?.(() => this.refresh()) ?? (() => {});
  }

  static following(sync: SyncSource, memberId: string): SyncViewStore {
    const read = () => viewOf(sync, memberId);
    return new SyncViewStore(read(), read, (onChange) => sync.subscribe(onChange));
  }

  static fixed(status: ShownSyncStatus): SyncViewStore {
    return new SyncViewStore({ status, present: [], refusedInvite: undefined });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SyncView => this.view;

  /** Stops following the sync (it was destroyed). */
  dispose(): void {
    this.stop();
    this.listeners.clear();
  }

  private refresh(): void {
    if (!this.read) return;
    const next = this.read();
    const previous = this.view;
    const status = sameStatus(previous.status, next.status) ? previous.status : next.status;
    const present = samePresent(previous.present, next.present) ? previous.present : next.present;
    if (status === previous.status && present === previous.present && next.refusedInvite === previous.refusedInvite) return;
    this.view = { status, present, refusedInvite: next.refusedInvite };
    for (const listener of this.listeners) listener();
  }
}

/** One field of a sync's view; the component re-renders only when that field changes. */
export function useSyncField<K extends keyof SyncView>(store: SyncViewStore, field: K): SyncView[K] {
  return useSyncExternalStore(store.subscribe, () => store.getSnapshot()[field]);
}

/**
 * Re-renders on every notification of the sync: only for the connections
 * view, which shows its live details (neighbours, refusals, held changes)
 * while it is open.
 */
export function useEverySyncNotification(sync: Pick<WorkspaceSync, 'subscribe'>): void {
  const [, notified] = useReducer((n: number) => n + 1, 0);
  useEffect(() => sync.subscribe(notified), [sync]);
}
