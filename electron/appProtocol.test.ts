import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from './appProtocol';
import { contentSecurityPolicy } from './security';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'ntm-app-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>NTM Desk</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('serveAppRequest', () => {
  it('serves index.html at the root with the CSP', async () => {
    const res = await serveAppRequest(root, new Request('app://ntm-desk/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(await res.text()).toContain('NTM Desk');
  });

  it('serves scripts as JavaScript', async () => {
    const res = await serveAppRequest(root, new Request('app://ntm-desk/assets/index-abc.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const res = await serveAppRequest(root, new Request('app://ntm-desk/index.html', { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('never serves a file outside the root', async () => {
    for (const url of [
      'app://ntm-desk/..%2fsecret.txt',
      'app://ntm-desk/%2e%2e%2fsecret.txt',
      'app://ntm-desk/../secret.txt',
    ]) {
      const res = await serveAppRequest(root, new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('do not serve');
    }
  });

  it('404s missing files and refuses writes', async () => {
    expect((await serveAppRequest(root, new Request('app://ntm-desk/nope.js'))).status).toBe(404);
    expect((await serveAppRequest(root, new Request('app://ntm-desk/assets'))).status).toBe(404);
    expect(
      (await serveAppRequest(root, new Request('app://ntm-desk/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });
});
