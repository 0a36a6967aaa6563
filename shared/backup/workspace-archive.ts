/**
 * What a workspace file holds once decrypted (workspace-file.ts): a ZIP
 * archive, so a partner can still open it without the app (any unzip, any
 * JSON reader; Yjs for the full state). Layout, version 1:
 *
 *   stroomkring-workspace.json   the manifest (ManifestSchema below): format,
 *                                version, when and by whom exported, the
 *                                workspace (id, name, region, created), its
 *                                access (key, founder key, peer hubs), the
 *                                confidential rooms in the file with their
 *                                keys, and the library files in the file
 *   documents/<id>/changes.bin   every kept signed change of the workspace or
 *                                room document, oldest first, each as
 *                                varUint flags (1: refused on receive) then
 *                                varUint length and the change's bytes
 *                                (lib0 encoding; a change's own layout is in
 *                                shared/sync/signed-changes/change-envelope.ts)
 *   documents/<id>/history.bin   when the device holds any: the history of
 *                                changes a checkpoint stands in for, as
 *                                segments (varUint length and the bytes of
 *                                each; layout in shared/history/
 *                                history-segment.ts). Unsigned: the
 *                                exporting device's word, taken only when
 *                                the file opens as a new workspace
 *   documents/<id>/state.yjs     the document's whole state as one Yjs update
 *                                (Y.encodeStateAsUpdate, format v1)
 *   documents/<id>/content.json  the same state as plain JSON (Y.Doc.toJSON):
 *                                what every record says, readable anywhere
 *   files/<sha-256 hex>          a library file's bytes, when included
 *
 * Changes are the authority: an import takes them through the receive path
 * (signatures and write rules, as a sync would), so a merged state signed by
 * nobody never enters a workspace. state.yjs and content.json are for readers
 * without the app.
 *
 * Entries are stored, not compressed, except the JSON and the change logs
 * (fflate, level 1): files are mostly compressed already, and the archive
 * must be written at tens of MB/s.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type * as Y from 'yjs';
import { z } from 'zod';
import { StroomkringError } from '../errors/stroomkring-error';

export const ARCHIVE_FORMAT = 'stroomkring-workspace';
export const ARCHIVE_VERSION = 1;
export const MANIFEST_NAME = 'stroomkring-workspace.json';

const FLAG_REFUSED = 1;

const KeyText = z.string().min(1).max(200);

export const RoomEntrySchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(500).optional(),
  key: KeyText,
  peerHubs: z.array(z.string().max(500)).max(50),
  joinedAt: z.number().int().nonnegative(),
});

export const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().positive(),
  exportedAt: z.number().int().nonnegative(),
  exportedBy: z.string().max(200),
  workspace: z.object({ id: z.string().min(1).max(100), name: z.string().max(500), regionId: z.string().max(100), createdAt: z.number().int().nonnegative() }),
  access: z.object({ key: KeyText, founderKey: z.string().max(200).optional(), peerHubs: z.array(z.string().max(500)).max(50) }),
  rooms: z.array(RoomEntrySchema).max(1000),
  files: z.array(z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })).max(100_000),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type RoomEntry = z.infer<typeof RoomEntrySchema>;

export interface KeptChange {
  readonly bytes: Uint8Array;
  readonly refused?: boolean;
}

export interface ArchivedDocument {
  readonly id: string;
  readonly changes: readonly KeptChange[];
  /** Y.encodeStateAsUpdate of the document, for readers without the app. */
  readonly state: Uint8Array;
  /** Y.Doc.toJSON of the document. */
  readonly content: unknown;
  /** History segments, oldest first (none in files from before checkpoints). */
  readonly history?: readonly Uint8Array[];
}

export interface WorkspaceArchive {
  readonly manifest: Manifest;
  readonly documents: readonly ArchivedDocument[];
  /** By hash (hex), only those the manifest lists. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

export type ArchiveProblem = 'notArchive' | 'newerVersion' | 'damaged';

export class ArchiveError extends StroomkringError {
  override readonly name = 'ArchiveError';
  constructor(
    readonly problem: ArchiveProblem,
    detail: string,
  ) {
    super(`Workspace archive ${problem}: ${detail}`);
  }
}

/**
 * A document's content as plain JSON, for content.json. Every root of a
 * workspace or room document is a map (shared/workspace-doc/schema.ts); a
 * loaded document knows its roots only by name until asked for their type.
 */
export function documentContent(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries([...doc.share.keys()].sort().map((name) => [name, doc.getMap<unknown>(name).toJSON()]));
}

export function encodeChanges(changes: readonly KeptChange[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const { bytes, refused } of changes) {
    encoding.writeVarUint(e, refused ? FLAG_REFUSED : 0);
    encoding.writeVarUint8Array(e, bytes);
  }
  return encoding.toUint8Array(e);
}

export function decodeChanges(bytes: Uint8Array): KeptChange[] {
  const d = decoding.createDecoder(bytes);
  const out: KeptChange[] = [];
  try {
    while (decoding.hasContent(d)) {
      const flags = decoding.readVarUint(d);
      const change = decoding.readVarUint8Array(d);
      out.push(flags & FLAG_REFUSED ? { bytes: change, refused: true } : { bytes: change });
    }
  } catch (error) {
    throw new ArchiveError('damaged', `a change log is cut off (${String(error)})`);
  }
  return out;
}

/** History segments are deflated already: each is stored as it is, after its length. */
function encodeSegments(segments: readonly Uint8Array[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const segment of segments) encoding.writeVarUint8Array(e, segment);
  return encoding.toUint8Array(e);
}

function decodeSegments(bytes: Uint8Array): Uint8Array[] {
  const d = decoding.createDecoder(bytes);
  const out: Uint8Array[] = [];
  try {
    while (decoding.hasContent(d)) out.push(decoding.readVarUint8Array(d));
  } catch (error) {
    throw new ArchiveError('damaged', `a history is cut off (${String(error)})`);
  }
  return out;
}

const documentPath = (id: string, name: string) => `documents/${encodeURIComponent(id)}/${name}`;

/** The archive's bytes (a ZIP). */
export function writeArchive(archive: WorkspaceArchive): Uint8Array {
  const entries: Zippable = { [MANIFEST_NAME]: [strToU8(JSON.stringify(archive.manifest, null, 2)), { level: 1 }] };
  for (const document of archive.documents) {
    entries[documentPath(document.id, 'changes.bin')] = [encodeChanges(document.changes), { level: 1 }];
    entries[documentPath(document.id, 'state.yjs')] = [document.state, { level: 0 }];
    if (document.history && document.history.length > 0) entries[documentPath(document.id, 'history.bin')] = [encodeSegments(document.history), { level: 0 }];
    entries[documentPath(document.id, 'content.json')] = [strToU8(JSON.stringify(document.content)), { level: 1 }];
  }
  for (const [hash, bytes] of archive.files) entries[`files/${hash}`] = [bytes, { level: 0 }];
  return zipSync(entries);
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw new ArchiveError('notArchive', `not a ZIP archive (${String(error)})`);
  }
}

function readManifest(entries: Record<string, Uint8Array>): Manifest {
  const raw = entries[MANIFEST_NAME];
  if (!raw) throw new ArchiveError('notArchive', `no ${MANIFEST_NAME}`);
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(raw));
  } catch {
    throw new ArchiveError('damaged', 'the manifest is not JSON');
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== ARCHIVE_FORMAT) throw new ArchiveError('notArchive', 'not a Stroomkring workspace');
  if (head.data.version > ARCHIVE_VERSION) throw new ArchiveError('newerVersion', `version ${head.data.version}, this app reads ${ARCHIVE_VERSION}`);
  const manifest = ManifestSchema.safeParse(json);
  if (!manifest.success) throw new ArchiveError('damaged', `the manifest does not hold: ${manifest.error.issues[0]?.message ?? ''}`);
  return manifest.data;
}

function readDocument(entries: Record<string, Uint8Array>, id: string): ArchivedDocument {
  const changes = entries[documentPath(id, 'changes.bin')];
  const state = entries[documentPath(id, 'state.yjs')];
  const content = entries[documentPath(id, 'content.json')];
  if (!changes || !state || !content) throw new ArchiveError('damaged', `document ${id} is incomplete`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(content));
  } catch {
    throw new ArchiveError('damaged', `document ${id}'s content is not JSON`);
  }
  const history = entries[documentPath(id, 'history.bin')];
  return { id, changes: decodeChanges(changes), state, content: parsed, ...(history ? { history: decodeSegments(history) } : {}) };
}

/** Reads an archive; throws ArchiveError only. The workspace's document comes first, then each room's. */
export function readArchive(bytes: Uint8Array): WorkspaceArchive {
  const entries = unzip(bytes);
  const manifest = readManifest(entries);
  const documents = [manifest.workspace.id, ...manifest.rooms.map((room) => room.id)].map((id) => readDocument(entries, id));
  const files = new Map<string, Uint8Array>();
  for (const { hash, size } of manifest.files) {
    const data = entries[`files/${hash}`];
    if (!data || data.length !== size) throw new ArchiveError('damaged', `file ${hash} is missing or of the wrong size`);
    files.set(hash, data);
  }
  return { manifest, documents, files };
}
