import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArchiveError, decodeChanges, encodeChanges, readArchive, writeArchive, ARCHIVE_VERSION, MANIFEST_NAME, type WorkspaceArchive } from './workspace-archive';
import { KEY_WORK_FACTOR, openWorkspaceFile, protectionKindOf, sealWorkspaceFile, unframe, WorkspaceFileError } from './workspace-file';
import { strToU8, zipSync } from 'fflate';

const KEY = 'k'.repeat(43);
const archive: WorkspaceArchive = {
  manifest: {
    format: 'stroomkring-workspace',
    version: ARCHIVE_VERSION,
    exportedAt: 1,
    exportedBy: 'Anne de Vries',
    workspace: { id: 'ws-1', name: 'RES 2.0', regionId: 'holland-rijnland', createdAt: 0 },
    access: { key: KEY, founderKey: 'founder', peerHubs: [] },
    rooms: [{ id: 'room-1', title: 'Netcongestie', key: KEY, peerHubs: [], joinedAt: 2 }],
    files: [{ hash: 'a'.repeat(64), size: 3 }],
  },
  documents: [
    { id: 'ws-1', changes: [{ bytes: new Uint8Array([1, 2]) }, { bytes: new Uint8Array([3]), refused: true }], state: new Uint8Array([0, 0]), content: { organisations: {} } },
    { id: 'room-1', changes: [], state: new Uint8Array([0, 0]), content: {} },
  ],
  files: new Map([['a'.repeat(64), new Uint8Array([7, 8, 9])]]),
};

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    if (error instanceof WorkspaceFileError || error instanceof ArchiveError) return error.problem;
    throw error;
  }
}

describe('workspace archive', () => {
  it('round-trips documents, rooms, change flags and files', () => {
    const back = readArchive(writeArchive(archive));
    expect(back.manifest).toEqual(archive.manifest);
    expect(back.documents.map((d) => [d.id, d.changes, d.content])).toEqual(archive.documents.map((d) => [d.id, d.changes, d.content]));
    expect([...back.files]).toEqual([...archive.files]);
  });

  it('round-trips any change log', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ bytes: fc.uint8Array({ maxLength: 300 }), refused: fc.boolean() })), (changes) => {
        const normal = changes.map(({ bytes, refused }) => (refused ? { bytes, refused: true } : { bytes }));
        expect(decodeChanges(encodeChanges(normal))).toEqual(normal);
      }),
    );
  });

  it('names a newer version, another format, a damaged manifest and a missing file', () => {
    const zipOf = (manifest: unknown) => zipSync({ [MANIFEST_NAME]: strToU8(JSON.stringify(manifest)) });
    const problem = (bytes: Uint8Array) => {
      try {
        readArchive(bytes);
        return 'read';
      } catch (error) {
        return (error as ArchiveError).problem;
      }
    };
    expect(problem(zipOf({ ...archive.manifest, version: ARCHIVE_VERSION + 1 }))).toBe('newerVersion');
    expect(problem(zipOf({ format: 'something-else', version: 1 }))).toBe('notArchive');
    expect(problem(zipOf({ ...archive.manifest, workspace: { id: 3 } }))).toBe('damaged');
    expect(problem(zipOf(archive.manifest))).toBe('damaged');
    expect(problem(new Uint8Array([1, 2, 3]))).toBe('notArchive');
  });
});

describe('workspace file', () => {
  const plain = writeArchive(archive);

  it('opens with the workspace key it was sealed with, and says it is key-protected', async () => {
    const file = await sealWorkspaceFile(plain, { kind: 'workspaceKey', key: KEY });
    expect(protectionKindOf(await unframe(file))).toBe('workspaceKey');
    expect(await openWorkspaceFile(file, ['x'.repeat(43), KEY])).toEqual(plain);
  });

  it('opens with its passphrase only; a wrong one is named as such', async () => {
    const file = await sealWorkspaceFile(plain, { kind: 'passphrase', passphrase: 'zonnepark noord 2030' });
    expect(protectionKindOf(await unframe(file))).toBe('passphrase');
    expect(await problemOf(openWorkspaceFile(file, ['zonnepark zuid 2030']))).toBe('wrongSecret');
    expect(await openWorkspaceFile(file, ['zonnepark noord 2030'])).toEqual(plain);
  }, 20_000);

  it('reports progress up to the whole', async () => {
    const seen: number[] = [];
    await sealWorkspaceFile(new Uint8Array(3 << 20), { kind: 'workspaceKey', key: KEY }, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
  });

  it('rejects a change at any byte and a cut at any length, never opening to other data', async () => {
    const file = await sealWorkspaceFile(plain, { kind: 'workspaceKey', key: KEY });
    await fc.assert(
      fc.asyncProperty(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const changed = file.slice();
        changed[at] = (changed[at] ?? 0) ^ flip;
        expect(['damaged', 'notWorkspaceFile', 'newerVersion']).toContain(await problemOf(openWorkspaceFile(changed, [KEY])));
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(file.length - 1), async (length) => {
        expect(['damaged', 'notWorkspaceFile']).toContain(await problemOf(openWorkspaceFile(file.subarray(0, length), [KEY])));
      }),
      { numRuns: 100 },
    );
  });

  it('names a file that is not one and a newer frame', async () => {
    expect(await problemOf(openWorkspaceFile(new TextEncoder().encode('{"format":"stroomkring-identity-backup"}'), [KEY]))).toBe('notWorkspaceFile');
    const file = await sealWorkspaceFile(plain, { kind: 'workspaceKey', key: KEY });
    const newer = file.slice();
    newer[22] = '9'.charCodeAt(0);
    expect(await problemOf(openWorkspaceFile(newer, [KEY]))).toBe('newerVersion');
    expect(KEY_WORK_FACTOR).toBeLessThan(17);
  });
});
