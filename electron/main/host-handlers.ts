/**
 * What the Electron host actually does for each bridge method. Electron's
 * `app` and `shell` are injected as plain values and functions so the table
 * is tested without Electron; the glue passes the real ones.
 */
import { ExternalUrlSchema, type AppInfo, type BridgeHandlers } from '../../shared/bridge/contract';

export interface HostDependencies {
  /** app.getName() */
  readonly appName: string;
  /** app.getVersion() */
  readonly appVersion: string;
  /** process.platform */
  readonly platform: string;
  /** shell.openExternal */
  readonly openExternal: (url: string) => Promise<void>;
  /** This device's signaling hub (started by the glue before the window opens). */
  readonly hub: {
    readonly signalingUrl: string;
    readonly reachableAt: () => string[];
    readonly addPeerHub: (url: string) => void;
  };
  /** Saving a copy and opening with the system's app, in pieces (file-export.ts). */
  readonly files: BridgeHandlers['files'];
}

export function createHostHandlers(deps: HostDependencies): BridgeHandlers {
  const info: AppInfo = { name: deps.appName, version: deps.appVersion, host: 'electron', platform: deps.platform };
  return {
    app: {
      getInfo: () => Promise.resolve({ ...info }),
    },
    shell: {
      openExternal: async (url) => {
        // dispatchBridgeCall has validated already; checked again because this
        // is the one place a renderer string reaches the operating system.
        await deps.openExternal(ExternalUrlSchema.parse(url));
      },
    },
    sync: {
      localHub: () => Promise.resolve({ signalingUrl: deps.hub.signalingUrl, reachableAt: deps.hub.reachableAt() }),
      addPeerHubs: (urls) => {
        for (const url of urls) deps.hub.addPeerHub(url);
        return Promise.resolve();
      },
    },
    files: deps.files,
  };
}
