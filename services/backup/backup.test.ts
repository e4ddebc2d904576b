import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupEntryView } from '../../core/contract/safety';
import type { Result } from '../../core/errors';
import { openApp, type AppHandle } from '../app';
import { dataPaths } from '../paths';
import { createBackup, runMaintenance } from './service';
import { verifyBackup } from './backupFile';

const dirs: string[] = [];
const apps: AppHandle[] = [];
afterEach(() => {
  apps.splice(0).forEach((a) => a.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'ntm-bak-'));
  dirs.push(d);
  return d;
}
let clock = new Date('2026-11-23T08:00:00Z');
async function office(dir = temp()): Promise<AppHandle> {
  const app = await openApp({ dataDir: dir, now: () => clock });
  apps.push(app);
  const info = await app.dispatch('app.info', {});
  if (info.ok && !(info.value as { setupDone: boolean }).setupDone) {
    await app.dispatch('setup.complete', { kind: 'commune', provinceCode: '40', unitCode: '16870', officeName: 'UBND xã Na Ngoi', parentBodyName: 'UBND XÃ NA NGOI', staffName: 'Vi Văn Tú' });
  }
  return app;
}
function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
const q = { unitCode: '16870', period: '2026-Q3' };

describe('backups', () => {
  it('makes a verified backup with the database and attachments that plain tar can list', async () => {
    const app = await office();
    ok(await app.dispatch('ntm.evidence.add', { ...q, indicatorCode: ((await firstManualCode(app))), fileName: 'bien-ban.pdf', contentBase64: Buffer.from('%PDF biên bản').toString('base64') }));
    const made = ok<{ fileName: string; folder: string; manifest: { counts: Record<string, number>; office: { officeCode: string } } }>(await app.dispatch('backup.create', { where: 'data-folder' }));
    expect(made.fileName).toMatch(/^ntm-desk-X16870-2026-11-23-08-00-00-manual\.ntmbak$/);
    expect(made.manifest.office.officeCode).toBe('X16870');
    expect(made.manifest.counts.ntm_evidence_file).toBe(1);
    const listing = execFileSync('tar', ['-tf', join(made.folder, made.fileName)], { encoding: 'utf8' }).trim().split('\n');
    expect(listing[0]).toBe('backup.json');
    expect(listing).toContain('ntm-desk.sqlite');
    expect(listing.filter((n) => n.startsWith('attachments/'))).toHaveLength(1);
    const list = ok<BackupEntryView[]>(await app.dispatch('backup.list', {}));
    expect(list[0]).toMatchObject({ fileName: made.fileName, problem: null });
  });

  it('restores a backup after keeping the current database aside, and says what it restored', async () => {
    const app = await office();
    const code = await firstManualCode(app);
    ok(await app.dispatch('ntm.assessment.setValue', { ...q, indicatorCode: code, manualMet: true, evidence: 'trước sao lưu' }));
    const made = ok<{ fileName: string }>(await app.dispatch('backup.create', { where: 'data-folder' }));
    clock = new Date('2026-11-23T09:00:00Z');
    ok(await app.dispatch('ntm.assessment.setValue', { ...q, indicatorCode: code, manualMet: false, evidence: 'sau sao lưu' }));
    const restored = ok<{ keptAside: string; restored: { office: { officeCode: string } } }>(await app.dispatch('backup.restore', { fileName: made.fileName }));
    expect(restored.restored.office.officeCode).toBe('X16870');
    expect(restored.keptAside).toMatch(/pre-restore\.ntmbak$/);
    const view = ok<{ indicators: { code: string; evidence: string | null; manualMet: boolean | null }[] }>(await app.dispatch('ntm.assessment.get', q));
    expect(view.indicators.find((i) => i.code === code)).toMatchObject({ evidence: 'trước sao lưu', manualMet: true });
    const trail = ok<{ action: string }[]>(await app.dispatch('audit.list', { entity: 'database' }));
    expect(trail[0]?.action).toBe('restore');
    // The kept-aside copy holds the state just before the restore.
    const aside = await verifyBackup(join(dataPaths(app.context.dataDir).backups, restored.keptAside), null);
    expect(aside.reason).toBe('pre-restore');
  });

  it('refuses a truncated or altered backup and leaves the database as it was', async () => {
    const app = await office();
    const made = ok<{ fileName: string; folder: string }>(await app.dispatch('backup.create', { where: 'data-folder' }));
    const path = join(made.folder, made.fileName);
    const bad = join(made.folder, 'hong.ntmbak');
    writeFileSync(bad, readFileSync(path));
    truncateSync(bad, statSync(bad).size - 3000);
    expect(await app.dispatch('backup.restore', { fileName: 'hong.ntmbak' })).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
    const flipped = join(made.folder, 'sua.ntmbak');
    const bytes = readFileSync(path);
    bytes[bytes.length - 3000] ^= 0x40;
    writeFileSync(flipped, bytes);
    expect(await app.dispatch('backup.restore', { fileName: 'sua.ntmbak' })).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
    expect(await app.dispatch('backup.restore', { fileName: '../ntm-desk.sqlite.ntmbak' })).toMatchObject({ ok: false });
    expect(ok<{ setupDone: boolean }>(await app.dispatch('app.info', {})).setupDone).toBe(true);
    expect(existsSync(`${dataPaths(app.context.dataDir).database}.khoi-phuc`)).toBe(false);
  });

  it('makes one daily backup per day and keeps the last seven', async () => {
    const app = await office();
    for (let day = 0; day < 10; day++) {
      clock = new Date(Date.UTC(2026, 10, 1 + day, 8));
      const r = await runMaintenance(app.context);
      expect(r.backedUp).toBe(true);
      expect((await runMaintenance(app.context)).backedUp).toBe(false);
    }
    const daily = readdirSync(dataPaths(app.context.dataDir).backups).filter((f) => f.endsWith('-daily.ntmbak'));
    expect(daily).toHaveLength(7);
    expect(daily.sort()[0]).toContain('2026-11-04');
  });

  it('writes a manual backup to another folder, e.g. a USB stick', async () => {
    const app = await office();
    const usb = join(temp(), 'USB');
    mkdirSync(usb);
    const made = await createBackup(app.context, { reason: 'manual', folder: usb });
    expect(readdirSync(usb)).toEqual([made.fileName]);
  });
});

describe('a damaged database', () => {
  it('is detected at start with the backups to restore from', async () => {
    const dir = temp();
    const app = await office(dir);
    await createBackup(app.context, { reason: 'manual' });
    for (let i = 0; i < 200; i++) await app.dispatch('staff.add', { name: `Cán bộ ${i}` });
    app.close();
    apps.length = 0;
    const db = dataPaths(dir).database;
    const bytes = readFileSync(db);
    // Overwrite the middle pages (not the header) with noise: the file still opens as SQLite.
    for (let i = 8192; i < Math.min(bytes.length - 4096, 8192 * 6); i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(db, bytes);
    await expect(openApp({ dataDir: dir })).rejects.toMatchObject({ code: 'DB_CORRUPT', details: { backups: [expect.stringMatching(/manual\.ntmbak$/)] } });
  });
});

async function firstManualCode(app: AppHandle): Promise<string> {
  const view = ok<{ indicators: { code: string; judgement: string }[] }>(await app.dispatch('ntm.assessment.get', q));
  return view.indicators.find((i) => i.judgement === 'manual')!.code;
}
