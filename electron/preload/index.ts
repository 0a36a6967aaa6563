/**
 * Preload: exposes exactly one global, `window.stroomkring`, built from the
 * bridge contract. Nothing of ipcRenderer or Node leaks through; the renderer
 * can only call the contract's methods, with arguments validated here and
 * again in main.
 *
 * Runs sandboxed, so it is bundled into a single CommonJS file that requires
 * nothing but 'electron' (see electron.vite.config.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, createBridgeClient } from '../../shared/bridge/contract';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridgeClient((channel, args) => ipcRenderer.invoke(channel, ...args) as Promise<unknown>),
);
