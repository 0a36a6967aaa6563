import type { Bridge } from '../../../shared/bridge/contract';
import { createWebHost } from './web-host';

/** Electron's preload exposes the bridge; in a browser the web host stands in. */
export const host: Bridge = window.stroomkring ?? createWebHost();
