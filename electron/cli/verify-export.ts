/** Entry point of `npm run verify -- FILE`; the logic and its exit codes are in verify-export-cli.ts. */
import { readFile, stat } from 'node:fs/promises';
import { MAX_EXPORT_FILE_BYTES } from '../../shared/goals/read-export-file.ts';
import { run } from './verify-export-cli.ts';

async function readExport(path: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error('not a file');
  // Checked before reading, so a wrong argument (a disk image) never fills memory.
  if (info.size > MAX_EXPORT_FILE_BYTES) throw new Error(`larger than ${MAX_EXPORT_FILE_BYTES / 1024 / 1024} MB, not a goal export`);
  return new Uint8Array(await readFile(path));
}

process.exitCode = await run(process.argv.slice(2), {
  readFile: readExport,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
