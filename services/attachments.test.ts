import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppHandle } from './app';
import { attachmentPath, readAttachment, storeAttachment } from './attachments';

const dirs: string[] = [];
const apps: AppHandle[] = [];
afterEach(() => {
  apps.splice(0).forEach((a) => a.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-att-'));
  dirs.push(dir);
  const app = await openApp({ dataDir: dir });
  apps.push(app);
  return { app, store: join(dir, 'attachments') };
}

describe('attachment store', () => {
  it('stores the same content once and reads it back checked', async () => {
    const { app, store } = await setup();
    const bytes = new TextEncoder().encode('%PDF-1.4 biên bản kiểm tra');
    const a = await storeAttachment(app.context.db, store, 'bien-ban.pdf', bytes, '2026-11-23T00:00:00Z');
    const b = await storeAttachment(app.context.db, store, 'ban-sao.pdf', bytes, '2026-11-23T00:00:00Z');
    expect(a.sha256).toBe(b.sha256);
    expect(readdirSync(join(store, a.sha256.slice(0, 2)))).toEqual([a.sha256]);
    expect(readAttachment(store, a.sha256).toString('utf8')).toContain('biên bản');
  });

  it('refuses an executable and a file over 25 MB with clear messages', async () => {
    const { app, store } = await setup();
    await expect(storeAttachment(app.context.db, store, 'virus.exe', new Uint8Array(10), 'x')).rejects.toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    await expect(storeAttachment(app.context.db, store, 'lon.pdf', new Uint8Array(25 * 1024 * 1024 + 1), 'x')).rejects.toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: expect.stringContaining('25 MB') });
    expect(existsSync(store) ? readdirSync(store) : []).toEqual([]);
  });

  it('detects a stored file that was altered on disk', async () => {
    const { app, store } = await setup();
    const { sha256 } = await storeAttachment(app.context.db, store, 'anh.png', new Uint8Array([1, 2, 3]), 'x');
    writeFileSync(attachmentPath(store, sha256), new Uint8Array([9, 9, 9]));
    expect(() => readAttachment(store, sha256)).toThrow(expect.objectContaining({ code: 'ATTACHMENT_CORRUPT' }));
  });
});
