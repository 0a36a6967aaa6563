/** Entry point of `npm run verify -- FILE`; the logic and its exit codes are in verify-export-cli.ts. */
import { readFile, stat } from 'node:fs/promises';
import { run } from './verify-export-cli.ts';

/** A goal export is tens of kilobytes; refusing huge files keeps a wrong argument from filling memory. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

async function readExport(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error('not a file');
  if (info.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, not a goal export`);
  return readFile(path, 'utf8');
}

process.exitCode = await run(process.argv.slice(2), {
  readFile: readExport,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
