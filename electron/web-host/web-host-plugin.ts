/**
 * The web host: in browser mode (`npm run web`, and the end-to-end tests)
 * the page server also does what Electron's main process does for the
 * desktop app, so the renderer runs unchanged. It attaches this device's
 * signaling hub to the preview server at WEB_HOST_PATHS.signal and answers
 * the two JSON endpoints of shared/bridge/web-host-api.ts.
 *
 * Environment: STROOMKRING_DISCOVERY=1 also announces and finds hubs on the
 * LAN by mDNS (off by default so tests never multicast);
 * STROOMKRING_PEER_HUBS=url,url connects to those hubs at start.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { WEB_HOST_PATHS, WebHostPeersRequestSchema } from '../../shared/bridge/web-host-api.ts';
import { startLocalHub, type LocalHub } from '../signaling/start-local-hub.ts';
import { inviteHubUrls } from '../signaling/invite-hub-urls.ts';

/** Peer lists are a few URLs; anything bigger is not from our renderer. */
const MAX_BODY_BYTES = 16 * 1024;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * Only the page this server served may call the endpoints: a JSON POST from
 * another origin would need a CORS preflight we never answer, and a
 * cross-site form post carries a foreign Origin header.
 */
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers['sec-fetch-site'] !== 'cross-site';
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function attach(server: PreviewServer | ViteDevServer, hub: LocalHub): void {
  server.middlewares.use(WEB_HOST_PATHS.hub, (request, response) => {
    if (request.method !== 'GET' || !isSameOrigin(request)) return sendJson(response, 403, { error: 'forbidden' });
    sendJson(response, 200, { reachableAt: inviteHubUrls(hub, WEB_HOST_PATHS.signal) });
  });
  server.middlewares.use(WEB_HOST_PATHS.peers, (request, response) => {
    if (request.method !== 'POST' || !isSameOrigin(request) || !request.headers['content-type']?.startsWith('application/json')) {
      return sendJson(response, 403, { error: 'forbidden' });
    }
    readBody(request)
      .then((text) => {
        const parsed = WebHostPeersRequestSchema.safeParse(JSON.parse(text));
        if (!parsed.success) return sendJson(response, 400, { error: 'expected an array of ws:// or wss:// URLs' });
        for (const url of parsed.data) hub.addPeerHub(url);
        sendJson(response, 204, null);
      })
      .catch(() => sendJson(response, 400, { error: 'unreadable body' }));
  });
}

async function startWebHostHub(server: PreviewServer | ViteDevServer): Promise<void> {
  const httpServer = server.httpServer as Server | null;
  if (!httpServer) return; // middleware mode: some other server owns the socket
  const hub = await startLocalHub({
    server: httpServer,
    path: WEB_HOST_PATHS.signal,
    discovery: process.env.STROOMKRING_DISCOVERY === '1',
    peers: (process.env.STROOMKRING_PEER_HUBS ?? '').split(',').filter(Boolean),
  });
  attach(server, hub);
  httpServer.once('close', () => void hub.close());
}

export function webHostPlugin(): Plugin {
  return {
    name: 'stroomkring-web-host',
    configurePreviewServer: startWebHostHub,
    configureServer: startWebHostHub,
  };
}
