/**
 * A bare `ws` client for hub tests: records every message and close, and
 * waits for them with a bounded timeout so a failing test fails fast instead
 * of hanging.
 */
import type { ClientOptions } from 'ws';
import { WebSocket } from 'ws';

export const TEST_TIMEOUT_MS = 5000;

export interface TestClient {
  ws: WebSocket;
  messages: Array<Record<string, unknown>>;
  send(message: unknown): void;
  sendRaw(data: string | Buffer, binary?: boolean): void;
  /** Resolves with the first message (already received or future) matching `predicate`. */
  next(predicate: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = TEST_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function connectClient(url: string, options: ClientOptions = {}): Promise<TestClient> {
  const ws = new WebSocket(url, options);
  const messages: Array<Record<string, unknown>> = [];
  ws.on('message', (data, isBinary) => {
    if (!isBinary) messages.push(JSON.parse(data.toString()) as Record<string, unknown>);
  });
  ws.on('error', () => {}); // tests look at `closed`, not at socket errors
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    send: (message) => ws.send(JSON.stringify(message)),
    sendRaw: (data, binary = false) => ws.send(data, { binary }),
    async next(predicate, timeoutMs = TEST_TIMEOUT_MS) {
      let found: Record<string, unknown> | undefined;
      await waitFor(() => (found = messages.find(predicate)) !== undefined, 'a matching message', timeoutMs);
      return found as Record<string, unknown>;
    },
    closed,
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.terminate();
      await closed;
    },
  };
}

export const publishesOn = (client: TestClient, topic: string): Array<Record<string, unknown>> =>
  client.messages.filter((m) => m.type === 'publish' && m.topic === topic);
