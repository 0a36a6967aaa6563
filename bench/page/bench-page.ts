/**
 * Entry of the benchmark page (bundled by bench/harness.ts, one per browser
 * process). It only exposes the page-side pieces as `window.bench`; all
 * orchestration and timing decisions live on the Node side.
 *
 * The send counter is imported first on purpose: ES modules evaluate in
 * import order, so RTCDataChannel.prototype.send is patched before y-webrtc,
 * simple-peer or the framing layer are evaluated.
 */
import { sentCount } from './send-counter';
import { rawAccept, rawAnswer, rawArrived, rawClose, rawListen, rawOffer, rawOpened, rawSend } from './raw-channel';
import { buildState, edit, join, leave, summarizeState, waitEntry, waitJoinSettled, waitPeers, waitSignaling, waitState } from './yjs-peer';

const api = {
  sentCount,
  rawOffer,
  rawAnswer,
  rawAccept,
  rawOpened,
  rawListen,
  rawArrived,
  rawSend,
  rawClose,
  buildState,
  summarizeState,
  join,
  waitSignaling,
  waitJoinSettled,
  waitPeers,
  waitState,
  edit,
  waitEntry,
  leave,
};

export type BenchPageApi = typeof api;

declare global {
  interface Window {
    bench: BenchPageApi;
  }
}

window.bench = api;
