/**
 * Entry of the session benchmark page (bundled by bench/harness.ts, one page
 * per browser context). It only exposes session-peer.ts as
 * `window.benchSession`; all orchestration and timing decisions live on the
 * Node side (bench/session.ts).
 *
 * The send counter is imported first on purpose: ES modules evaluate in
 * import order, so RTCDataChannel.prototype.send is patched before the app's
 * sync code (and whatever transport it uses) is evaluated.
 */
import { receivedCount, sentCount } from './send-counter';
import {
  checksum,
  clientId,
  edit,
  flood,
  misbehave,
  fuzzEdit,
  makeProvenSeed,
  observeTyping,
  peerView,
  prepareIdentity,
  setOnline,
  start,
  statusKind,
  stop,
  typeText,
  typingArrivals,
  waitTyped,
  waitConverged,
  waitEntry,
  waitReady,
} from './session-peer';

const api = { sentCount, receivedCount, prepareIdentity, makeProvenSeed, start, waitReady, waitConverged, peerView, checksum, clientId, edit, waitEntry, observeTyping, typeText, waitTyped, typingArrivals, stop, flood, misbehave, fuzzEdit, setOnline, statusKind };

export type SessionPageApi = typeof api;

declare global {
  interface Window {
    benchSession: SessionPageApi;
  }
}

window.benchSession = api;
// openBenchPage waits for `bench` to appear.
(window as unknown as { bench: unknown }).bench = api;
