import { WEB_HOST_PATHS, WebHostHubInfoSchema } from '../../../shared/bridge/web-host-api';
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
    sync: {
      localHub: async () => {
        const response = await fetch(WEB_HOST_PATHS.hub, { headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`Web host hub info: HTTP ${response.status}`);
        const { reachableAt } = WebHostHubInfoSchema.parse(await response.json());
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        return { signalingUrl: `${scheme}//${location.host}${WEB_HOST_PATHS.signal}`, reachableAt };
      },
      addPeerHubs: async (urls) => {
        const response = await fetch(WEB_HOST_PATHS.peers, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(urls) });
        if (!response.ok) throw new Error(`Web host peer hubs: HTTP ${response.status}`);
      },
    },
  };
  return createBridgeClient((channel, args) => dispatchBridgeCall(handlers, channel, args));
}
