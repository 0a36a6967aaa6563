/**
 * Save a copy of a stored file, or open it with the system's app, through the
 * host. In Electron the bytes go to the main process in pieces of at most
 * FILE_PIECE_MAX_BYTES, each awaited before the next is read from the
 * store, so neither side ever holds the whole file. In a browser a save is a
 * plain download of the stored Blob.
 */
import { FILE_PIECE_MAX_BYTES, type FileProblem } from '../../../shared/bridge/contract';
import { host } from '../host';
import { downloadBlob } from '../host/web-host';

export type ExportResult = { readonly ok: true } | { readonly ok: false; readonly problem: FileProblem | 'cancelled' };

let hostKind: Promise<'electron' | 'web'> | undefined;

/** Whether the host is a plain browser (no save dialog, no system app); asked once. */
export function hostKindOnce(): Promise<'electron' | 'web'> {
  hostKind ??= host.app.getInfo().then((info) => info.host);
  return hostKind;
}

async function stream(token: string, blob: Blob, onProgress?: (bytes: number) => void): Promise<ExportResult> {
  try {
    for (let start = 0; start < blob.size; start += FILE_PIECE_MAX_BYTES) {
      const end = Math.min(blob.size, start + FILE_PIECE_MAX_BYTES);
      const piece = new Uint8Array(await blob.slice(start, end).arrayBuffer());
      const outcome = await host.files.write(token, piece);
      if (!outcome.ok) return outcome;
      onProgress?.(end);
    }
    return await host.files.finish(token);
  } catch (error) {
    // Reading the stored Blob failed, or the host refused: drop what was written, then report.
    await host.files.abort(token).catch(() => undefined);
    throw error;
  }
}

export async function saveCopy(blob: Blob, fileName: string, onProgress?: (bytes: number) => void): Promise<ExportResult> {
  if ((await hostKindOnce()) === 'web') {
    downloadBlob(blob, fileName);
    return { ok: true };
  }
  const start = await host.files.beginSave({ suggestedName: fileName, size: blob.size });
  if (!('token' in start)) return { ok: false, problem: 'cancelled' };
  return stream(start.token, blob, onProgress);
}

export async function openWithSystem(blob: Blob, fileName: string, onProgress?: (bytes: number) => void): Promise<ExportResult> {
  const { token } = await host.files.beginOpen({ suggestedName: fileName, size: blob.size });
  return stream(token, blob, onProgress);
}
