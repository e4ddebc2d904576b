/**
 * Every security decision of the Electron host, as plain functions.
 *
 * This file must not import `electron` at run time (type-only imports are erased): the build and test machines
 * cannot download the Electron binary (STACK.md trap 2), so these rules are proven by `security.test.ts` in plain
 * Node and `main.ts` only wires them to Electron's events. Checklist followed:
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import path from 'node:path';
import type { CustomScheme, WebPreferences } from 'electron';
import { toErrorPayload, type Result } from '../core/errors';

/** The renderer is served from `app://ntm-desk/` (a privileged custom scheme), never from `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ntm-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Stable error code returned when an IPC call comes from anything but our own page. */
export const FORBIDDEN_SENDER = 'FORBIDDEN_SENDER';
/** Stable error code returned when the method name is not even a string. */
export const INVALID_METHOD = 'INVALID_METHOD';

/**
 * Privileges of the `app:` scheme. `standard` gives it real origins and relative URL resolution, `secure` makes
 * it a secure context, `supportFetchAPI` lets the renderer `fetch` its own assets, and `corsEnabled` is needed
 * because Vite emits `<script type="module" crossorigin>`, a CORS-mode request that Chromium refuses on schemes
 * that are not CORS-enabled. `bypassCSP` stays off so our CSP applies.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
} as const satisfies NonNullable<CustomScheme['privileges']>;

/** The only `webPreferences` a window of ours gets. Spellcheck is off: its dictionaries are downloaded. */
export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/**
 * The Content-Security-Policy of every page we serve. `style-src 'unsafe-inline'` is there because Mantine
 * injects `<style>` elements at run time; scripts stay `'self'` only. `form-action 'none'` is added because it
 * does not fall back to `default-src`.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs on our own origin `app://ntm-desk` (any path). Node keeps hosts of custom schemes as typed. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** An IPC call is accepted only from a frame showing our own page; a missing frame (navigated away, gone) is not. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/** `will-navigate` / `will-frame-navigate` / `will-redirect`: only navigation within our own origin is let through. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * A link the renderer tries to open (`window.open`, `target=_blank`) never becomes an Electron window. Plain
 * `https:` links without credentials (a decree on chinhphu.vn, a help page) are handed to the OS browser; every
 * other scheme (`file:`, `javascript:`, `smb:`, custom handlers that could launch programs) is dropped.
 * Returns the URL to give to `shell.openExternal`, or null to drop it.
 */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}

/** The answer to `setWindowOpenHandler`: always deny; see `externalUrlToOpen` for what happens to the link. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Permission requests and checks (camera, geolocation, notifications, …) are denied. The one exception is
 * `clipboard-sanitized-write` for our own page: `navigator.clipboard.writeText` backs Mantine's copy buttons and
 * only writes sanitised text.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

/**
 * Maps a request on `app://ntm-desk/…` to a file under `rootDir` (the built renderer), or null when the URL is
 * not ours or would escape the root. `/` maps to `index.html`. Refused: other origins, NUL bytes, malformed
 * percent-encoding, backslashes and drive letters (Windows separators), `..` segments in any encoding, absolute
 * paths (`//etc/passwd`), and anything that resolves outside `rootDir`.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const rawPath = new URL(requestUrl).pathname;
  if (rawPath.includes('\0')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null;

  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\//, '');
  if (relative.length === 0 || path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative)) return null;
  const segments = relative.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return null;

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...segments);
  const fromRoot = path.relative(root, resolved);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return resolved;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts are refused without a JavaScript content type, so the protocol handler must set it. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers of every response of the `app:` protocol: the CSP travels with the document. */
export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/** The services' entry point as the host sees it (`AppHandle.dispatch`). */
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The body of `ipcMain.handle('api:call')`. Rejects calls whose sender frame is not our page with
 * `FORBIDDEN_SENDER`, a non-string method with `INVALID_METHOD`; everything else goes to `dispatch`, which owns
 * method lookup and zod validation (an unknown method comes back from it as an error Result). Never throws:
 * anything thrown becomes an error payload without a stack trace (STYLE.md §Boundaries 3).
 */
export async function handleApiCall(
  dispatch: Dispatch,
  senderUrl: string | null | undefined,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(senderUrl)) {
    return {
      ok: false,
      error: { code: FORBIDDEN_SENDER, message: 'Yêu cầu bị từ chối: không đến từ giao diện của ứng dụng.' },
    };
  }
  if (typeof method !== 'string') {
    return { ok: false, error: { code: INVALID_METHOD, message: 'Tên chức năng không hợp lệ.' } };
  }
  try {
    return await dispatch(method, input);
  } catch (e) {
    return { ok: false, error: toErrorPayload(e) };
  }
}
