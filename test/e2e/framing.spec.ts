/**
 * The framing layer beneath y-webrtc in real Chromium: two separate browser
 * processes connected over WebRTC on loopback (host candidates only,
 * `iceServers: []`), SDP relayed by this test. The page is a small bundle of
 * test/fixtures/framing-page.ts served by the test itself, so no app build is
 * needed. Throughput figures are printed for the report.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { chromium, expect, test, type Browser, type Page } from './fixtures';
import { build } from 'vite';
import type { FramingFixture } from '../fixtures/framing-page';
import { HIGH_WATER_MARK_BYTES, LOW_WATER_MARK_BYTES } from '../../shared/sync/webrtc/framed-data-channel';
import { FRAGMENT_BYTES, PASSTHROUGH_MAX_BYTES } from '../../shared/sync/framing';
import { CHROMIUM_PATH, chromiumArgs } from './chromium';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

const MB = 1_000_000;
const MiB = 2 ** 20;
/** Raw throughput of unwrapped channels in this run; the machine is shared, so only the ratio means much. */
let rawMiBps: number | undefined;
let server: Server;
let baseUrl: string;
const browsers: Browser[] = [];

async function bundleFixture(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, lib: { entry: 'test/fixtures/framing-page.ts', formats: ['es'], fileName: 'page' } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if ('output' in out) {
      const chunk = out.output.find((o) => o.type === 'chunk' && o.isEntry);
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('vite build produced no entry chunk');
}

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test.beforeAll(async () => {
  const code = await bundleFixture();
  server = createServer((req, res) => {
    if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  for (let i = 0; i < 2; i++) browsers.push(await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs() }));
});

test.afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await new Promise((resolve) => server?.close(resolve));
});

/** A fresh page per browser; closing it (in the test) tears down its peer connection. */
async function openPages(): Promise<[Page, Page]> {
  const pages = await Promise.all(browsers.map(async (b) => {
    const page = await b.newPage();
    page.on('console', (m) => m.type() === 'warning' || m.type() === 'error' ? console.log(`[page] ${m.text()}`) : undefined);
    await page.goto(baseUrl);
    await page.waitForFunction(() => 'framingFixture' in window);
    return page;
  }));
  return pages as [Page, Page];
}

const call = <K extends keyof FramingFixture>(page: Page, name: K, ...args: Parameters<FramingFixture[K]>) =>
  page.evaluate(([n, a]) => (window.framingFixture[n] as (...x: unknown[]) => unknown)(...a), [name, args] as const) as Promise<Awaited<ReturnType<FramingFixture[K]>>>;

async function connect(a: Page, b: Page, framedA: boolean, framedB: boolean): Promise<void> {
  const offer = await call(a, 'offer', framedA);
  const answer = await call(b, 'answer', framedB, offer);
  await call(a, 'accept', answer);
  await Promise.all([call(a, 'opened'), call(b, 'opened')]);
}

test('raw baseline: unwrapped channels, 64 KiB messages, same water marks', async () => {
  const [a, b] = await openPages();
  await connect(a, b, false, false);
  const size = 20 * MB;
  await call(b, 'countBytes', size);
  const start = await call(a, 'sendChunks', size, FRAGMENT_BYTES, HIGH_WATER_MARK_BYTES, LOW_WATER_MARK_BYTES);
  rawMiBps = size / MiB / (Math.max((await call(b, 'countedAt')) - start, 1) / 1000);
  console.log(`framing: raw RTCDataChannel ${rawMiBps.toFixed(1)} MiB/s`);
  await Promise.all([a.close(), b.close()]);
});

test('framed channels carry 5 MB and 20 MB messages intact, with the real send buffer bounded', async () => {
  const [a, b] = await openPages();
  await connect(a, b, true, true);
  call(a, 'takePeakBufferedAmount');

  for (const size of [5 * MB, 20 * MB]) {
    const arrival = call(b, 'receive');
    const sent = await call(a, 'send', size, 0);
    const got = await arrival;
    expect(got.size).toBe(size);
    expect(got.sha256).toBe(sent.sha256);
    const mibps = size / MiB / (Math.max(got.receivedAt - sent.sentAt, 1) / 1000);
    const ratio = rawMiBps ? ` = ${(mibps / rawMiBps).toFixed(2)} × raw` : '';
    console.log(`framing: ${size / MB} MB message at ${mibps.toFixed(1)} MiB/s${ratio}`);
  }

  // Fragments wait in the wrapper's queue; the real channel holds at most the high-water mark plus one frame.
  const peak = await call(a, 'takePeakBufferedAmount');
  console.log(`framing: peak real bufferedAmount ${peak} bytes (high-water mark ${HIGH_WATER_MARK_BYTES})`);
  expect(peak).toBeGreaterThan(0);
  expect(peak).toBeLessThanOrEqual(HIGH_WATER_MARK_BYTES + FRAGMENT_BYTES);

  // Ordering across mixed sizes: small messages queued behind a large one arrive after it.
  const order = [3 * MB, 10, PASSTHROUGH_MAX_BYTES + 1, 1];
  const sent = [];
  for (const size of order) sent.push(await call(a, 'send', size, 2));
  for (const expected of sent) expect((await call(b, 'receive')).sha256).toBe(expected.sha256);
  await Promise.all([a.close(), b.close()]);
});

test('a plain RTCDataChannel peer exchanges messages up to the threshold byte-identical (interop)', async () => {
  const [framed, plain] = await openPages();
  await connect(framed, plain, true, false);
  for (const size of [1, 1000, PASSTHROUGH_MAX_BYTES]) {
    for (const [from, to] of [[framed, plain], [plain, framed]] as const) {
      const arrival = call(to, 'receive');
      const sent = await call(from, 'send', size, 0);
      expect(await arrival).toMatchObject({ size, sha256: sent.sha256 });
    }
  }
  await Promise.all([framed.close(), plain.close()]);
});

test('two y-webrtc providers sync 3 MB of state and then a 5 MB edit through the framing wrtc', async () => {
  const port = await freePort();
  const signaling: ChildProcess = spawn(process.execPath, ['node_modules/y-webrtc/bin/server.js'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      signaling.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve());
      signaling.once('exit', (codeOrNull) => reject(new Error(`signaling server exited with ${codeOrNull}`)));
    });
    const [a, b] = await openPages();
    const room = `framing-e2e-${Date.now()}`;
    const state = await Promise.all([0, 1, 2].map((i) => call(a, 'yjsWrite', `state-${i}`, MB)));

    const joinedAt = Date.now();
    await call(a, 'yjsJoin', `ws://127.0.0.1:${port}`, room);
    await call(b, 'yjsJoin', `ws://127.0.0.1:${port}`, room);
    const synced = await Promise.all([0, 1, 2].map((i) => call(b, 'yjsRead', `state-${i}`, MB)));
    expect(synced.map((s) => s.sha256)).toEqual(state);
    console.log(`framing: y-webrtc new peer received 3 MB state ${((Math.max(...synced.map((s) => s.receivedAt)) - joinedAt) / 1000).toFixed(2)} s after joining (incl. signaling and ICE)`);

    const editAt = Date.now();
    const edit = await call(a, 'yjsWrite', 'edit', 5 * MB);
    const got = await call(b, 'yjsRead', 'edit', 5 * MB);
    expect(got.sha256).toBe(edit);
    console.log(`framing: y-webrtc 5 MB edit reached the peer in ${((got.receivedAt - editAt) / 1000).toFixed(2)} s`);
    await Promise.all([a.close(), b.close()]);
  } finally {
    signaling.kill();
  }
});
