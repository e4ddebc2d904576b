import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppHandle } from '../services/app';
import { resolveStaticPath } from './guards';
import { startWebServer, type WebServer } from './server';

let dir: string;
let app: AppHandle;
let web: WebServer;
const secret = 'bi-mat-cua-phien-nay-0123456789';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ntm-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>NTM Desk</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
  app = await openApp({ dataDir: join(dir, 'data') });
  web = await startWebServer({ app, rendererDir, secret, port: 0 });
});
afterAll(async () => {
  await web.close();
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Raw HTTP so the test controls Host and Origin exactly, as a rebinding attacker would. */
function call(opts: { path?: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, path: opts.path ?? '/api/call', method: opts.method ?? 'POST', headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const good = () => ({
  Host: `127.0.0.1:${web.port}`,
  Origin: `http://127.0.0.1:${web.port}`,
  'Content-Type': 'application/json',
  'X-NTM-Secret': secret,
});
const body = JSON.stringify({ method: 'app.info', input: {} });

describe('web host', () => {
  it('answers a call from its own page with the secret', async () => {
    const r = await call({ headers: good(), body });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('listens on loopback only', () => {
    const addr = web.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    const r = await call({ headers: { ...good(), Host: `attacker.example:${web.port}` }, body });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('HOST_REJECTED');
    const page = await call({ path: '/', method: 'GET', headers: { Host: 'evil.test' } });
    expect(page.status).toBe(403);
  });

  it('rejects a foreign Origin (another local page or site)', async () => {
    const r = await call({ headers: { ...good(), Origin: 'http://localhost:9999' }, body });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('ORIGIN_REJECTED');
    const n = await call({ headers: { ...good(), Origin: 'null' }, body });
    expect(JSON.parse(n.body).error.code).toBe('ORIGIN_REJECTED');
  });

  it('rejects a call without the secret or with a wrong one', async () => {
    const { 'X-NTM-Secret': _s, ...noSecret } = good();
    expect(JSON.parse((await call({ headers: noSecret, body })).body).error.code).toBe('SECRET_REQUIRED');
    const wrong = await call({ headers: { ...good(), 'X-NTM-Secret': 'x'.repeat(secret.length) }, body });
    expect(wrong.status).toBe(401);
  });

  it('rejects an events stream without the secret', async () => {
    const r = await call({ path: '/api/events', method: 'GET', headers: { Host: `127.0.0.1:${web.port}` } });
    expect(r.status).toBe(401);
  });

  it('returns errors as data with a stable code and a Vietnamese message', async () => {
    const r = await call({ headers: good(), body: JSON.stringify({ method: 'units.search', input: { query: 42 } }) });
    const parsed = JSON.parse(r.body);
    expect(parsed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(parsed.error.message).toMatch(/^Dữ liệu không hợp lệ/);
    const unknown = JSON.parse((await call({ headers: good(), body: JSON.stringify({ method: 'no.such' }) })).body);
    expect(unknown.error.code).toBe('UNKNOWN_METHOD');
    const bad = JSON.parse((await call({ headers: good(), body: '{not json' })).body);
    expect(bad.error.code).toBe('BAD_JSON');
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await call({ path: '/', method: 'GET', headers: { Host: `127.0.0.1:${web.port}` } });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await call({ path: p, method: 'GET', headers: { Host: `127.0.0.1:${web.port}` } });
      expect(r.body).not.toContain('outside the renderer folder');
    }
    expect(resolveStaticPath('/srv/r', '/%2e%2e/x')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/a%00b')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/assets/app.js')).toBe('/srv/r/assets/app.js');
  });
});
