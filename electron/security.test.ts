import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, type Result } from '../core/errors';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  FORBIDDEN_SENDER,
  INVALID_METHOD,
  appResponseHeaders,
  buildWebPreferences,
  contentSecurityPolicy,
  contentTypeFor,
  externalUrlToOpen,
  handleApiCall,
  isAppUrl,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedSender,
  resolveAppPath,
  windowOpenDecision,
  type Dispatch,
} from './security';

describe('buildWebPreferences', () => {
  const prefs = buildWebPreferences('/app/out/electron/preload.cjs');

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky switches off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('uses the CommonJS preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/electron/preload.cjs');
  });
});

describe('contentSecurityPolicy', () => {
  const directives = new Map(
    contentSecurityPolicy()
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources] as const),
  );

  it('has exactly the agreed sources per directive', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('never allows inline or evaluated scripts, or remote hosts', () => {
    const csp = contentSecurityPolicy();
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    expect(csp).not.toContain('*');
  });

  it('travels with every response of the app protocol', () => {
    const headers = appResponseHeaders('/r/index.html');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });
});

describe('app scheme', () => {
  it('is a standard, secure, CSP-respecting scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false });
    expect(APP_ENTRY_URL).toBe('app://ntm-desk/index.html');
  });

  it('serves module scripts with a JavaScript content type', () => {
    expect(contentTypeFor('/r/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-abc.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('isAppUrl', () => {
  it.each([APP_ORIGIN, `${APP_ORIGIN}/`, APP_ENTRY_URL, `${APP_ORIGIN}/index.html#/units?x=1`])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'https://ntm-desk/index.html',
    'http://127.0.0.1:5173/',
    'file:///opt/NTM%20Desk/resources/app.asar/out/renderer/index.html',
    'app://ntm-desk.evil.com/index.html',
    'app://evil/index.html',
    'app://ntm-desk:8080/index.html',
    'app://user:pw@ntm-desk/index.html',
    'javascript:alert(1)',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(42)).toBe(false);
  });
});

describe('window.open and navigation', () => {
  it('denies every window.open', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('hands only credential-free https links to the OS browser', () => {
    expect(externalUrlToOpen('https://chinhphu.vn/van-ban?id=1')).toBe('https://chinhphu.vn/van-ban?id=1');
    for (const url of [
      'http://chinhphu.vn/',
      'file:///etc/passwd',
      'file://server/share/x.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'app://ntm-desk/index.html',
      'https://user:pass@example.com/',
      'nonsense',
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });

  it('allows navigation within the app origin only', () => {
    expect(isNavigationAllowed(`${APP_ORIGIN}/index.html#/settings`)).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:3000/',
      'file:///etc/passwd',
      'app://other-host/index.html',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'hid',
      'usb',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(permission, APP_ENTRY_URL), permission).toBe(false);
    }
  });

  it('allows writing sanitised text to the clipboard from our page only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/ntm/out/renderer');
  const inside = (p: string | null) => p !== null && p.startsWith(root + path.sep);

  it('maps the root to index.html and assets to files under the root', () => {
    expect(resolveAppPath(root, `${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, APP_ORIGIN)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/index-abc.js?v=1#x`)).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath(root, `${APP_ORIGIN}/fonts/Be%20Vietnam.woff2`)).toBe(
      path.join(root, 'fonts', 'Be Vietnam.woff2'),
    );
  });

  it('refuses other origins', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://ntm-desk/index.html')).toBeNull();
  });

  it('keeps plain ".." inside the root (URL parsing resolves them against "/")', () => {
    const resolved = resolveAppPath(root, `${APP_ORIGIN}/../../../../etc/passwd`);
    expect(inside(resolved)).toBe(true);
    expect(resolved).toBe(path.join(root, 'etc', 'passwd'));
  });

  it.each([
    ['encoded dots', '/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dots', '/%2E%2e/%2E%2E/etc/passwd'],
    ['half-encoded dots', '/.%2e/.%2e/etc/passwd'],
  ])('keeps %s inside the root', (_name, urlPath) => {
    const resolved = resolveAppPath(root, `${APP_ORIGIN}${urlPath}`);
    expect(resolved === null || inside(resolved)).toBe(true);
  });

  it.each([
    ['encoded slash after dots', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['encoded dots and slash in a subfolder', '/assets/..%2f..%2f..%2fetc/passwd'],
    ['literal dots with encoded slash', '/..%2F..%2Fsecret.txt'],
    ['backslash traversal', '/..%5c..%5cwindows%5cwin.ini'],
    ['encoded backslash', '/assets%5c..%5c..%5csecret'],
    ['absolute path', '//etc/passwd'],
    ['encoded absolute path', '/%2fetc%2fpasswd'],
    ['windows drive', '/C:/Windows/win.ini'],
    ['encoded windows drive', '/C%3A%5CWindows%5Cwin.ini'],
    ['UNC path', '/%5c%5cserver%5cshare%5cx'],
    ['NUL byte', '/index.html%00.png'],
    ['malformed encoding', '/%E0%A4%A'],
    ['trailing empty segment', '/assets/'],
  ])('refuses %s', (_name, urlPath) => {
    expect(resolveAppPath(root, `${APP_ORIGIN}${urlPath}`)).toBeNull();
  });

  it('decodes once only: double-encoded dots name a (missing) file inside the root', () => {
    expect(resolveAppPath(root, `${APP_ORIGIN}/%252e%252e/etc`)).toBe(path.join(root, '%2e%2e', 'etc'));
  });

  it('refuses a raw NUL that reaches it unparsed', () => {
    expect(resolveAppPath(root, `${APP_ORIGIN}/index.html\0.png`)).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('accepts our page, with any route', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/index.html#/reports`)).toBe(true);
  });

  it('rejects a missing frame, foreign origins and other local pages', () => {
    for (const url of [
      null,
      undefined,
      '',
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'file:///home/user/evil.html',
      'file:///opt/NTM%20Desk/resources/app.asar/out/renderer/index.html',
      'app://evil/index.html',
      'about:blank',
      'data:text/html,hi',
    ]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });
});

describe('handleApiCall', () => {
  type Call = { method: string; input: unknown };
  function recordingDispatch(answer: (method: string) => Result<unknown>) {
    const calls: Call[] = [];
    const dispatch: Dispatch = async (method, input) => {
      calls.push({ method, input });
      return answer(method);
    };
    return { dispatch, calls };
  }

  it('passes a call from our page to dispatch and returns its Result', async () => {
    const { dispatch, calls } = recordingDispatch(() => ({ ok: true, value: { appVersion: '0.1.0' } }));
    const result = await handleApiCall(dispatch, APP_ENTRY_URL, 'app.info', {});
    expect(result).toEqual({ ok: true, value: { appVersion: '0.1.0' } });
    expect(calls).toEqual([{ method: 'app.info', input: {} }]);
  });

  it.each(['https://example.com/', 'file:///tmp/other.html', 'app://evil/index.html', null, undefined])(
    'rejects a sender at %s with FORBIDDEN_SENDER without calling dispatch',
    async (senderUrl) => {
      const { dispatch, calls } = recordingDispatch(() => ({ ok: true, value: 1 }));
      const result = await handleApiCall(dispatch, senderUrl, 'app.info', {});
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(FORBIDDEN_SENDER);
        expect(result.error.message).toMatch(/từ chối/);
      }
      expect(calls).toEqual([]);
    },
  );

  it('lets an unknown method through to dispatch, which answers with its error', async () => {
    const { dispatch, calls } = recordingDispatch((method) => ({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: `Không có chức năng ${method}.` },
    }));
    const result = await handleApiCall(dispatch, APP_ENTRY_URL, 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Không có chức năng fs.readFile.' },
    });
    expect(calls).toEqual([{ method: 'fs.readFile', input: { path: '/etc/passwd' } }]);
  });

  it('refuses a method name that is not a string', async () => {
    const { dispatch, calls } = recordingDispatch(() => ({ ok: true, value: 1 }));
    const result = await handleApiCall(dispatch, APP_ENTRY_URL, { toString: () => 'app.info' }, {});
    expect(result.ok === false && result.error.code).toBe(INVALID_METHOD);
    expect(calls).toEqual([]);
  });

  it('turns a throwing dispatch into error data without a stack trace', async () => {
    const boom: Dispatch = async () => {
      throw new Error('SQLITE_CORRUPT at /home/user/secret/path.sqlite');
    };
    const result = await handleApiCall(boom, APP_ENTRY_URL, 'db.check', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(JSON.stringify(result)).not.toMatch(/SQLITE_CORRUPT|secret|\n\s+at /);
    }
    const coded: Dispatch = async () => {
      throw new AppError('DATA_LOCKED', 'Dữ liệu đang bị khóa.');
    };
    expect(await handleApiCall(coded, APP_ENTRY_URL, 'db.check', {})).toEqual({
      ok: false,
      error: { code: 'DATA_LOCKED', message: 'Dữ liệu đang bị khóa.' },
    });
  });
});
