/**
 * The Electron main process: a thin host. It wires the decisions of `security.ts` (proven in plain Node by
 * `security.test.ts`) to Electron's events, opens the services once, and binds the one IPC channel to
 * `dispatch`. No business rules here (ARCHITECTURE.md); no test imports this file (STACK.md trap 2).
 *
 * Built by `scripts/build-electron.mjs` to `out/electron/main.cjs` (CommonJS, so `__dirname` is the folder of
 * the bundle: `out/electron/`, inside `app.asar` once packaged).
 */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL } from '../core/contract';
import { openApp } from '../services/app';
import { serveAppRequest } from './appProtocol';
import type { HostContext } from '../core/contract/host';
import { createDialogHostContext } from './hostContext';
import { buildMenuTemplate } from './menu';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  buildWebPreferences,
  contentSecurityPolicy,
  externalUrlToOpen,
  handleApiCall,
  isNavigationAllowed,
  isPermissionAllowed,
  windowOpenDecision,
} from './security';
import { startupErrorMessage } from './startupError';

type AppHandle = Awaited<ReturnType<typeof openApp>>;

const PRODUCT_NAME = 'NTM Desk';
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let appHandle: AppHandle | null = null;

// The same folder in development and once installed (`productName` is only in the packaged package.json), and
// the one services/paths.ts `defaultDataDir()` computes for the CLI. NTM_DESK_DATA_DIR overrides, as there.
app.setName(PRODUCT_NAME);
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
const dataDir = process.env.NTM_DESK_DATA_DIR || app.getPath('userData');

// Must happen before `ready`.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();
// The interface is Vietnamese: Chromium's own widgets (date fields: dd/mm/yyyy) follow it, not the computer's
// regional setting (https://www.electronjs.org/docs/latest/api/command-line-switches#--langlang).
app.commandLine.appendSwitch('lang', 'vi');

/** Applied to every webContents that ever exists (the window, devtools, anything a bug might create). */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external !== null) void shell.openExternal(external);
    return windowOpenDecision();
  });
  contents.on('will-navigate', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    const external = externalUrlToOpen(event.url);
    if (external !== null) void shell.openExternal(external);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  // Offline-first: the renderer never talks to the network or the disk directly; the CSP says so too.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*', 'ftp://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] },
    }),
  );
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(RENDERER_DIR, request));
}

/** Dialogs are modal to the window that is in front, so they cannot get lost behind it. */
function parentWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? mainWindow;
}

const dialogHost = createDialogHostContext({
  showOpenDialog: (options: OpenDialogOptions) => {
    const parent = parentWindow();
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
  },
  showSaveDialog: (options: SaveDialogOptions) => {
    const parent = parentWindow();
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  },
});

/** Private keys at rest are sealed by the OS store where it works (services/exchange/keyService.ts). */
const host: HostContext = {
  ...dialogHost,
  osKeyStore: {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(Buffer.from(encrypted)),
  },
};

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'Giới thiệu',
    message: `${PRODUCT_NAME} ${app.getVersion()}`,
    detail: 'Phần mềm ngoại tuyến cho văn phòng điều phối nông thôn mới và OCOP.\n' + `Thư mục dữ liệu: ${dataDir}`,
    buttons: ['Đóng'],
  };
  const parent = parentWindow();
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: buildWebPreferences(PRELOAD_PATH),
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  hardenSession();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, onAbout: showAbout })),
  );

  const handle = await openApp({ dataDir, host, maintenance: true });
  appHandle = handle;
  handle.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed())
        window.webContents.send(API_EVENT_CHANNEL, { name: event.name, payload: event.payload });
    }
  });
  ipcMain.handle(API_CALL_CHANNEL, (event, method: unknown, input: unknown) =>
    handleApiCall(handle.dispatch, event.senderFrame?.url, method, input),
  );

  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Two processes on one SQLite file would fight over it: the second start only brings the first forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    appHandle?.close();
    appHandle = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const { title, content } = startupErrorMessage(error, dataDir);
      dialog.showErrorBox(title, content);
      app.exit(1);
    });
}
