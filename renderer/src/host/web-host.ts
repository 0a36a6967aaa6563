import { createBridgeClient, dispatchBridgeCall, type BridgeHandlers, type Bridge } from '../../../shared/bridge/contract';

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
  };
  return createBridgeClient((channel, args) => dispatchBridgeCall(handlers, channel, args));
}
