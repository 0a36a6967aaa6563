/**
 * Stands between signaling clients and a signaling server and keeps every
 * text frame that passes, both ways: what a server operator could see.
 * Loopback only.
 */
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

/** One frame and where it passed: which client connection (numbered from 1), and whether the client sent it. */
export interface PassedFrame {
  readonly connection: number;
  readonly fromClient: boolean;
  readonly frame: string;
}

export interface RecordingProxy {
  readonly url: string;
  /** Every frame, as sent, in order of arrival. */
  readonly frames: string[];
  /** The same frames with where they passed. */
  readonly passed: PassedFrame[];
  close(): Promise<void>;
}

export async function startRecordingProxy(upstreamUrl: string): Promise<RecordingProxy> {
  const frames: string[] = [];
  const passed: PassedFrame[] = [];
  let connections = 0;
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (client) => {
    const upstream = new WebSocket(upstreamUrl);
    const connection = ++connections;
    const early: RawData[] = [];
    const keep = (data: RawData, fromClient: boolean) => {
      frames.push(data.toString());
      passed.push({ connection, fromClient, frame: data.toString() });
    };
    client.on('message', (data) => {
      keep(data, true);
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data.toString());
      else early.push(data);
    });
    upstream.on('open', () => {
      for (const data of early.splice(0)) upstream.send(data.toString());
    });
    upstream.on('message', (data) => {
      keep(data, false);
      if (client.readyState === WebSocket.OPEN) client.send(data.toString());
    });
    const closeBoth = () => {
      client.terminate();
      upstream.terminate();
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    frames,
    passed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
