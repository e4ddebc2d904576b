import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../db/connection';
import { migrate } from '../../db/migrator';
import { MIGRATIONS } from '../../db/migrations/index';
import { openApp, type AppHandle } from '../app';
import { verifyBackup } from '../backup/backupFile';
import { createBackup } from '../backup/service';
import { dataPaths } from '../paths';

const ROOT = resolve(import.meta.dirname, '..', '..');
const WORKER = join(import.meta.dirname, '__fixtures__', 'faultWorker.ts');
const dirs: string[] = [];
const mounts: string[] = [];
const apps: AppHandle[] = [];
afterEach(() => {
  apps.splice(0).forEach((a) => a.close());
  for (const m of mounts.splice(0)) execFileSync('umount', [m]);
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'ntm-fault-'));
  dirs.push(d);
  return d;
}

/** A filesystem of `kb` kilobytes made for the test (tmpfs; needs root, as CI and these machines run). */
function smallFilesystem(kb: number): string | null {
  const dir = temp();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'ntm-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

async function office(dir: string): Promise<AppHandle> {
  const app = await openApp({ dataDir: dir });
  apps.push(app);
  await app.dispatch('setup.complete', { kind: 'commune', provinceCode: '40', unitCode: '16870', officeName: 'UBND xã Na Ngoi', parentBodyName: 'UBND XÃ NA NGOI', staffName: 'Vi Văn Tú' });
  return app;
}

/** Runs the worker (one process: tsx as a loader, so SIGKILL hits the worker itself), lets it work `ms`, kills it. */
function killMidWork(args: string[], ms: number): Promise<void> {
  return new Promise((resolveKill, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? resolveKill() : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

function integrity(path: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('the process killed mid-work', () => {
  it('during writes: the database passes integrity_check and every value has its audit row (all or nothing)', async () => {
    for (const ms of [20, 250]) {
      const dir = temp();
      await killMidWork(['write', dir], ms);
      const path = dataPaths(dir).database;
      expect(integrity(path)).toBe('ok');
      const db = new BetterSqlite3(path, { readonly: true });
      const values = (db.prepare('SELECT count(*) AS n FROM ntm_value').get() as { n: number }).n;
      const created = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'ntm_value' AND action = 'create'").get() as { n: number }).n;
      db.close();
      expect(values).toBe(created);
      // The next session works on the same data.
      const app = await openApp({ dataDir: dir });
      apps.push(app);
      expect((await app.dispatch('ntm.assessment.setValue', { unitCode: '16870', period: '2026-Q1', indicatorCode: '1', manualMet: true, evidence: 'sau sự cố' })).ok).toBe(true);
    }
  }, 120_000);

  it('during backups: no backup file under its final name is ever partial', async () => {
    const dir = temp();
    (await office(dir)).close();
    apps.length = 0;
    const dest = join(temp(), 'USB');
    mkdirSync(dest);
    for (const ms of [30, 200]) await killMidWork(['backup', dir, dest], ms);
    const finals = readdirSync(dest).filter((f) => f.endsWith('.ntmbak'));
    for (const f of finals) await expect(verifyBackup(join(dest, f), null)).resolves.toMatchObject({ format: 'ntm-desk/backup' });
    expect(integrity(dataPaths(dir).database)).toBe('ok');
  }, 120_000);

  it('during a migration: the database is either before or after it, and opens next time', async () => {
    for (const ms of [0, 15]) {
      const dir = temp();
      mkdirSync(dir, { recursive: true });
      const conn = openConnection(dataPaths(dir).database);
      await migrate(conn, { backupDir: dataPaths(dir).backups, now: () => new Date(), migrations: MIGRATIONS.slice(0, 1) });
      conn.close();
      await killMidWork(['open', dir], ms);
      expect(integrity(dataPaths(dir).database)).toBe('ok');
      const app = await openApp({ dataDir: dir });
      apps.push(app);
      expect(await app.dispatch('db.check', {})).toMatchObject({ ok: true, value: { integrity: 'ok', pendingMigrations: [] } });
    }
  }, 120_000);
});

describe.skipIf(!canMount)('a full disk (a small filesystem made for the test)', () => {
  it('while writing an attachment: a clear message, no partial file, the database intact', async () => {
    const dir = temp();
    const app = await office(dir);
    const small = smallFilesystem(256)!;
    // The attachment store lives on the small filesystem.
    rmSync(dataPaths(dir).attachments, { recursive: true, force: true });
    execFileSync('ln', ['-s', small, dataPaths(dir).attachments]);
    const big = Buffer.alloc(400 * 1024, 7).toString('base64');
    const r = await app.dispatch('ntm.evidence.add', { unitCode: '16870', period: '2026-Q3', indicatorCode: '1', fileName: 'lon.pdf', contentBase64: big });
    expect(r).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringContaining('Ổ đĩa đã đầy') } });
    expect(readdirSync(small, { recursive: true }).filter((f) => String(f).includes('.tmp'))).toEqual([]);
    expect(app.context.conn.sqlite.prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 0 });
    expect(app.context.conn.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('while writing a backup to a full USB stick: a clear message and no file left there', async () => {
    const dir = temp();
    const app = await office(dir);
    const usb = smallFilesystem(64)!;
    await expect(createBackup(app.context, { reason: 'manual', folder: usb })).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(readdirSync(usb)).toEqual([]);
  });
});

describe('a read-only data folder', () => {
  it.skipIf(!canMount)('refuses to open for writing with a clear message', async () => {
    const dir = temp();
    (await office(dir)).close();
    apps.length = 0;
    execFileSync('mount', ['--bind', '-o', 'ro', dir, dir]);
    mounts.push(dir);
    await expect(openApp({ dataDir: dir })).rejects.toMatchObject({ code: 'DB_READ_ONLY' });
    expect(existsSync(dataPaths(dir).database)).toBe(true);
  });
});
