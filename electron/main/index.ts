/**
 * Electron main process: glue only. Every decision (which URLs are served,
 * where windows may navigate, who may call the bridge, what the bridge does,
 * where the window goes) lives in a plain module beside this file with its own
 * tests; this file wires those modules to Electron's objects and events.
 */
import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, protocol, screen, session, shell, type WebContents } from 'electron';
import { createAppProtocolHandler } from './app-protocol-handler';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, appSchemePrivileges } from './app-protocol';
import { debounce } from './debounce';
import { cleanOpenedCopies, createFileExports } from './file-export';
import { startDesktopHub } from './desktop-hub';
import { createHostHandlers } from './host-handlers';
import { registerIpcBridge } from './ipc-bridge';
import { createNavigationPolicy, originOf, type NavigationPolicy } from './navigation-policy';
import { isPermissionGranted } from './permission-policy';
import { appWebPreferences, preloadPath } from './web-preferences';
import { captureWindowState, clampToDisplays, loadWindowState, saveWindowState, windowStatePath, MIN_HEIGHT, MIN_WIDTH } from './window-state';

/** Long enough to skip the stream of events while dragging; short enough that little is lost on a crash. */
const WINDOW_STATE_SAVE_DELAY_MS = 500;
/** Shown until the renderer's first paint (the window stays hidden until ready-to-show); set it to the renderer's background colour. */
const WINDOW_BACKGROUND = '#ffffff';

const mainDir = import.meta.dirname;
const rendererDir = join(mainDir, '..', 'renderer');

/** electron-vite sets this during `electron-vite dev`; a packaged app never honours it. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const devOrigin = originOf(devServerUrl);
const policy: NavigationPolicy = createNavigationPolicy(devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN]);

let mainWindow: BrowserWindow | undefined;
let opening = false;
/** Writes that must finish before the process exits (see 'will-quit'). */
const pendingWrites = new Set<Promise<void>>();

function logError(context: string): (error: unknown) => void {
  return (error) => {
    console.error(`[stroomkring] ${context}:`, error);
  };
}

function track(write: Promise<void>): void {
  const settled = write.catch(logError('saving window state')).finally(() => pendingWrites.delete(settled));
  pendingWrites.add(settled);
}

/** Applied to every webContents the app ever creates, not only the main window's. */
function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = policy.windowOpen(url);
    if (decision.openExternally) shell.openExternal(decision.openExternally).catch(logError('openExternal'));
    return { action: decision.action };
  });
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (!policy.allowNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

async function createMainWindow(): Promise<void> {
  const statePath = windowStatePath(app.getPath('userData'));
  const saved = await loadWindowState(statePath);
  const state = clampToDisplays(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );

  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Stroomkring',
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: appWebPreferences(preloadPath(mainDir)),
  });
  mainWindow = window;

  const saveNow = (): Promise<void> => saveWindowState(statePath, captureWindowState(window.getNormalBounds(), window.isMaximized()));
  const saver = debounce(saveNow, WINDOW_STATE_SAVE_DELAY_MS, logError('saving window state'));
  const scheduleSave = (): void => {
    saver.schedule();
  };
  window.on('resize', scheduleSave);
  window.on('move', scheduleSave);
  window.on('maximize', scheduleSave);
  window.on('unmaximize', scheduleSave);
  window.on('close', () => {
    // The window still has its bounds here; in 'closed' they are gone.
    saver.cancel();
    track(saveNow());
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  window.once('ready-to-show', () => {
    if (state.isMaximized) window.maximize();
    window.show();
  });

  await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

function openMainWindow(): void {
  // 'activate' can fire while the first window is still reading its state.
  if (mainWindow || opening) return;
  opening = true;
  createMainWindow()
    .catch(logError('creating the main window'))
    .finally(() => {
      opening = false;
    });
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

// --- Before ready: process-wide switches that cannot be changed later. ---

// A second copy would open the same IndexedDB and fight over the LAN sync.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    lockDownContents(contents);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', openMainWindow);
  app.on('will-quit', (event) => {
    // Hold the exit until the last window-state write has landed, then quit again.
    if (pendingWrites.size === 0) return;
    event.preventDefault();
    void Promise.allSettled(pendingWrites).then(() => {
      app.quit();
    });
  });

  app
    .whenReady()
    .then(() => {
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
      session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
        callback(isPermissionGranted(permission));
      });
      return startDesktopHub();
    })
    .then((desktopHub) => {
      app.on('will-quit', () => void desktopHub.hub.close());
      const openedCopies = join(app.getPath('temp'), 'stroomkring-open');
      void cleanOpenedCopies(openedCopies).catch(logError('cleaning opened copies'));
      const files = createFileExports({
        tempRoot: openedCopies,
        showSaveDialog: async (defaultPath) => {
          const options = { defaultPath: join(app.getPath('downloads'), defaultPath) };
          const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
          return result.canceled ? undefined : result.filePath;
        },
        openPath: (path) => shell.openPath(path),
        log: (context, error) => logError(context)(error),
      });
      app.on('will-quit', () => void files.abortAll());
      registerIpcBridge({
        ipc: ipcMain,
        handlers: createHostHandlers({
          appName: app.getName(),
          appVersion: app.getVersion(),
          platform: process.platform,
          openExternal: (url) => shell.openExternal(url),
          hub: {
            signalingUrl: desktopHub.signalingUrl,
            reachableAt: desktopHub.reachableAt,
            addPeerHub: (url) => void desktopHub.hub.addPeerHub(url),
          },
          files,
        }),
        isTrustedSender: (url) => policy.isTrustedIpcSender(url),
        onUntrustedSender: (error) => {
          console.warn(`[stroomkring] ${error.message}`);
        },
      });
      openMainWindow();
    })
    .catch(logError('starting the app'));
}
