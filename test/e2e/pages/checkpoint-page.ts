/**
 * One member device for test/e2e/history-checkpoints.spec.ts: a proven
 * workspace (bench/page/proven-workspace.ts) synced through the app's own
 * WorkspaceSync over real WebRTC, its signed changes kept in real IndexedDB
 * by the app's own stores, with checkpoints every few changes instead of
 * every thousand. It reports what its store holds and the history read back
 * from it, as the history screen reads it.
 */
import * as Y from 'yjs';
import { openDatabase, type StroomkringDatabase } from '../../../renderer/src/storage/database';
import { loadHistoryChanges } from '../../../renderer/src/storage/history-segment-store';
import { signedChangeStore } from '../../../renderer/src/storage/signed-change-store';
import { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import { generateIdentityKeys, type IdentityKeys } from '../../../shared/crypto/identity-keys';
import { WorkspaceHistory } from '../../../shared/history/workspace-history';
import { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import { openChange } from '../../../shared/sync/signed-changes/change-envelope';
import { addIdea, readIdeas } from '../../../shared/workspace-doc/ideas';
import { applySeed, provenSeed, type ProvenMember } from '../../../bench/page/proven-workspace';

let keys: IdentityKeys | undefined;
let doc = new Y.Doc();
let sync: WorkspaceSync | undefined;
let db: StroomkringDatabase | undefined;
let workspaceId = '';

async function prepare(): Promise<string> {
  keys ??= await generateIdentityKeys();
  return keys.publicKeyB64;
}

async function seed(id: string, members: ProvenMember[]): Promise<string> {
  if (!keys) throw new Error('prepare first');
  return provenSeed(keys, id, members);
}

interface StartOptions {
  readonly hubUrl: string;
  readonly workspaceId: string;
  readonly key: string;
  readonly founderKey: string;
  readonly seed: string;
  readonly displayName: string;
  readonly organisationName: string;
  readonly checkpointEvery: number;
}

async function start(options: StartOptions): Promise<void> {
  if (!keys) throw new Error('prepare first');
  workspaceId = options.workspaceId;
  db = openDatabase(`checkpoints-${keys.memberId}`);
  doc = new Y.Doc();
  applySeed(doc, options.seed);
  const { displayName, organisationName } = options;
  const membership = new WorkspaceMembership(doc, {
    workspaceId,
    founderKey: options.founderKey,
    self: { memberId: keys.memberId, publicKeyB64: keys.publicKeyB64, privateKey: keys.privateKey, displayName, organisationName },
  });
  sync = await WorkspaceSync.start(doc, {
    workspaceId,
    key: options.key,
    signalingUrls: [options.hubUrl],
    iceServers: [],
    user: { memberId: keys.memberId, displayName, organisationName },
    online: true,
    membership,
    changeStore: signedChangeStore(db, workspaceId),
    checkpointEvery: options.checkpointEvery,
  });
}

/** Adds ideas one by one, each its own signed change, waiting `gapMs` between them. */
async function addIdeas(titles: string[], gapMs: number): Promise<void> {
  if (!keys) throw new Error('prepare first');
  for (const title of titles) {
    addIdea(doc, { title, description: '', tags: [], goalId: '' }, { memberId: keys.memberId, now: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
}

function ideaTitles(): string[] {
  return readIdeas(doc)
    .flatMap((result) => (result.ok ? [result.value.title] : []))
    .sort();
}

function statusKind(): string {
  return sync?.status().kind ?? 'stopped';
}

export interface StoreReport {
  readonly keptChanges: number;
  readonly checkpointsKept: number;
  readonly segments: number;
  /** History entries that are changes (not summaries), per signer key. */
  readonly changesBySigner: Record<string, number>;
  /** Idea titles as the history holds them after its last entry. */
  readonly lastTitles: string[];
}

/** What this device's IndexedDB holds, read back as the history screen reads it. */
async function report(): Promise<StoreReport> {
  if (!db || !sync) throw new Error('start first');
  await sync.sealOffline();
  const rows = await db.signedChanges.where('documentId').equals(workspaceId).toArray();
  const history = WorkspaceHistory.replayChanges(await loadHistoryChanges(db, workspaceId, (message) => console.warn(message)));
  try {
    const changesBySigner: Record<string, number> = {};
    for (const entry of history.entries) if (entry.kind === 'change' && entry.records.some((r) => r.root === 'ideas')) changesBySigner[entry.signer] = (changesBySigner[entry.signer] ?? 0) + 1;
    const last = history.stateAfter(history.entries.length - 1);
    const lastTitles = readIdeas(last)
      .flatMap((result) => (result.ok ? [result.value.title] : []))
      .sort();
    last.destroy();
    return {
      keptChanges: rows.length,
      checkpointsKept: rows.filter((row) => openChange(row.bytes).kind === 'checkpoint').length,
      segments: await db.historySegments.where('documentId').equals(workspaceId).count(),
      changesBySigner,
      lastTitles,
    };
  } finally {
    history.destroy();
  }
}

function stop(): void {
  sync?.destroy();
  sync = undefined;
}

const api = { prepare, seed, start, addIdeas, ideaTitles, statusKind, report, stop };
export type CheckpointPeerApi = typeof api;

(window as unknown as { checkpointPeer: CheckpointPeerApi }).checkpointPeer = api;
