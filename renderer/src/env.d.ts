/// <reference types="vite/client" />
import type { Bridge } from '../../shared/bridge/contract';

declare global {
  /** Injected by Vite from package.json at build time. */
  const __APP_VERSION__: string;
  interface Window {
    /** Present only inside the Electron app, exposed by the preload script. */
    readonly stroomkring?: Bridge;
  }
}
