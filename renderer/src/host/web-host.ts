import { bytesToHex } from '@noble/hashes/utils.js';
import { WEB_HOST_PATHS, WebHostHubInfoSchema } from '../../../shared/bridge/web-host-api';
import { createBridgeClient, dispatchBridgeCall, type BridgeHandlers, type Bridge } from '../../../shared/bridge/contract';

/** Hands a Blob to the browser as a download; the object URL is revoked once the click has been dispatched. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking in the same task can cancel the download in Chromium; a moment later it has its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The `files` namespace in a browser: there is no save dialog or system app
 * to reach, so a save becomes a download of the collected pieces (the
 * library itself downloads a stored Blob directly, without this copy), and
 * opening with the system's app is not offered.
 */
function webFileHandlers(): BridgeHandlers['files'] {
  const pending = new Map<string, { name: string; size: number; parts: Uint8Array<ArrayBuffer>[]; written: number }>();
  const newToken = () => bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
  const take = (token: string) => {
    const entry = pending.get(token);
    if (!entry) throw new Error('No export with this token');
    return entry;
  };
  return {
    beginSave: ({ suggestedName, size }) => {
      const token = newToken();
      pending.set(token, { name: suggestedName, size, parts: [], written: 0 });
      return Promise.resolve({ token });
    },
    beginOpen: () => Promise.reject(new Error('Opening with the system app is not available in a browser')),
    write: (token, piece) => {
      const entry = take(token);
      if (entry.written + piece.byteLength > entry.size) {
        pending.delete(token);
        return Promise.reject(new Error('More bytes than announced'));
      }
      entry.parts.push(new Uint8Array(piece));
      entry.written += piece.byteLength;
      return Promise.resolve({ ok: true as const });
    },
    finish: (token) => {
      const entry = take(token);
      pending.delete(token);
      if (entry.written !== entry.size) return Promise.reject(new Error('Fewer bytes than announced'));
      downloadBlob(new Blob(entry.parts), entry.name);
      return Promise.resolve({ ok: true as const });
    },
    abort: (token) => {
      pending.delete(token);
      return Promise.resolve();
    },
  };
}

/**
 * The host for a plain browser (`npm run web`): the same contract as the
 * Electron preload, with calls going through the same validation.
 */
export function createWebHost(): Bridge {
  const handlers: BridgeHandlers = {
    app: {
      getInfo: () => Promise.resolve({ name: 'Stroomkring', version: __APP_VERSION__, host: 'web' as const, platform: navigator.platform }),
    },
    shell: {
      openExternal: (url) => {
        window.open(url, '_blank', 'noopener,noreferrer');
        return Promise.resolve();
      },
    },
    sync: {
      localHub: async () => {
        const response = await fetch(WEB_HOST_PATHS.hub, { headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`Web host hub info: HTTP ${response.status}`);
        const { reachableAt } = WebHostHubInfoSchema.parse(await response.json());
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        return { signalingUrl: `${scheme}//${location.host}${WEB_HOST_PATHS.signal}`, reachableAt };
      },
      addPeerHubs: async (urls) => {
        const response = await fetch(WEB_HOST_PATHS.peers, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(urls) });
        if (!response.ok) throw new Error(`Web host peer hubs: HTTP ${response.status}`);
      },
    },
    files: webFileHandlers(),
  };
  return createBridgeClient((channel, args) => dispatchBridgeCall(handlers, channel, args));
}
