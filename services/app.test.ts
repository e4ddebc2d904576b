import { chmodSync, mkdtempSync, rmSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppHandle } from './app';
import { dataPaths } from './paths';

const dirs: string[] = [];
const handles: AppHandle[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ntm-app-'));
  dirs.push(d);
  return d;
}
async function open(dataDir: string): Promise<AppHandle> {
  const app = await openApp({ dataDir, now: () => new Date('2026-11-23T08:00:00Z') });
  handles.push(app);
  return app;
}
afterEach(() => {
  for (const h of handles.splice(0)) h.close();
  for (const d of dirs.splice(0)) {
    try { chmodSync(d, 0o755); } catch { /* already gone */ }
    rmSync(d, { recursive: true, force: true });
  }
});

const setup = {
  kind: 'commune',
  provinceCode: '12',
  unitCode: '03390',
  officeName: 'Phòng Kinh tế xã Bình Lư',
  parentBodyName: 'UBND XÃ BÌNH LƯ',
  staffName: 'Nguyễn Văn An',
};

describe('openApp', () => {
  it('creates the database with WAL, synchronous=FULL and foreign keys on', async () => {
    const app = await open(tempDir());
    const s = app.context.conn.sqlite;
    expect(s.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.pragma('synchronous', { simple: true })).toBe(2);
    expect(s.pragma('foreign_keys', { simple: true })).toBe(1);
    const check = await app.dispatch('db.check', {});
    expect(check).toMatchObject({ ok: true, value: { integrity: 'ok', pendingMigrations: [] } });
  });

  it('finds units without diacritics: "ha tinh" finds Hà Tĩnh, "dong" finds Đông…', async () => {
    const app = await open(tempDir());
    const r = await app.dispatch('units.search', { query: 'ha tinh', level: 'province', era: 'current' });
    expect(r.ok && (r.value as { fullName: string }[])[0]?.fullName).toBe('Tỉnh Hà Tĩnh');
    const d = await app.dispatch('units.search', { query: 'dong', limit: 20 });
    expect(d.ok && (d.value as { name: string }[]).every((u) => /đông|dong/i.test(u.name.normalize('NFC')) || /Đ/.test(u.name))).toBe(true);
    expect(d.ok && (d.value as { name: string }[]).some((u) => u.name.startsWith('Đông'))).toBe(true);
  });

  it('holds both maps: 63 old provinces, 34 current, 10,035 old and 3,321 current communes', async () => {
    const app = await open(tempDir());
    const count = (level: string, era: string) =>
      (app.context.conn.sqlite.prepare('SELECT count(*) AS n FROM admin_unit WHERE level=? AND era=?').get(level, era) as { n: number }).n;
    expect(count('province', 'before-2025-07')).toBe(63);
    expect(count('province', 'current')).toBe(34);
    expect(count('commune', 'before-2025-07')).toBe(10035);
    expect(count('commune', 'current')).toBe(3321);
  });
});

describe('first-run setup', () => {
  it('stores the office and the staff member, writes an audit entry, and survives reopening', async () => {
    const dir = tempDir();
    const app = await open(dir);
    const r = await app.dispatch('setup.complete', setup);
    expect(r).toMatchObject({ ok: true, value: { setupDone: true, office: { unitName: 'Xã Bình Lư', provinceName: 'Tỉnh Lai Châu' }, staff: { name: 'Nguyễn Văn An' } } });
    app.close();
    const again = await open(dir);
    const info = await again.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { setupDone: true, office: { officeName: 'Phòng Kinh tế xã Bình Lư', kind: 'commune' } } });
    const audit = await again.dispatch('audit.list', { entity: 'office' });
    expect(audit.ok && (audit.value as { action: string; staffName: string }[])[0]).toMatchObject({ action: 'setup', staffName: 'Nguyễn Văn An' });
  });

  it('refuses a unit code that does not exist, and changes nothing', async () => {
    const app = await open(tempDir());
    const r = await app.dispatch('setup.complete', { ...setup, unitCode: '99999' });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNIT_NOT_FOUND' } });
    expect(!r.ok && r.error.message).toMatch(/Không có xã\/phường mã "99999"/);
    const info = await app.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { setupDone: false } });
    const n = app.context.conn.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('refuses a district office on a current commune code: the district must be a pre-reform district', async () => {
    const app = await open(tempDir());
    const r = await app.dispatch('setup.complete', { ...setup, kind: 'district', provinceCode: '42', unitCode: '03390' });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNIT_NOT_FOUND' } });
    const ok = await app.dispatch('setup.complete', { ...setup, kind: 'district', provinceCode: '42', unitCode: '439', officeName: 'Phòng NN&PTNT huyện Hương Sơn' });
    expect(ok).toMatchObject({ ok: true, value: { office: { unitName: 'Huyện Hương Sơn', unitEra: 'before-2025-07' } } });
  });

  it('reports invalid input field by field in Vietnamese', async () => {
    const app = await open(tempDir());
    const r = await app.dispatch('setup.complete', { ...setup, officeName: '   ', provinceCode: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!r.ok && r.error.message).toContain('officeName: Không được để trống.');
    expect(!r.ok && r.error.message).toContain('Mã tỉnh phải gồm 2 chữ số.');
  });

  it('records an office correction with before and after in the audit trail', async () => {
    const app = await open(tempDir());
    await app.dispatch('setup.complete', setup);
    const { staffName: _drop, ...profile } = setup;
    const r = await app.dispatch('office.update', { ...profile, officeName: 'Phòng Kinh tế xã Bình Lư (sửa)' });
    expect(r).toMatchObject({ ok: true, value: { officeName: 'Phòng Kinh tế xã Bình Lư (sửa)' } });
    const audit = await app.dispatch('audit.list', { entity: 'office' });
    const last = audit.ok ? (audit.value as { action: string; before: { officeName: string }; after: { officeName: string } }[])[0] : undefined;
    expect(last?.action).toBe('update');
    expect(last?.before.officeName).toBe('Phòng Kinh tế xã Bình Lư');
    expect(last?.after.officeName).toBe('Phòng Kinh tế xã Bình Lư (sửa)');
  });

  it('keeps the audit trail append-only even for direct SQL', async () => {
    const app = await open(tempDir());
    await app.dispatch('setup.complete', setup);
    expect(() => app.context.conn.sqlite.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => app.context.conn.sqlite.exec("UPDATE audit_log SET staff_name='x'")).toThrow(/append-only/);
  });
});

describe('bad database files', () => {
  it('refuses a file that is not SQLite and leaves it byte for byte', async () => {
    const dir = tempDir();
    const db = dataPaths(dir).database;
    writeFileSync(db, 'Đây không phải cơ sở dữ liệu. '.repeat(200));
    const before = statSync(db).size;
    await expect(openApp({ dataDir: dir })).rejects.toMatchObject({ code: 'DB_NOT_SQLITE' });
    expect(statSync(db).size).toBe(before);
  });

  it('refuses a read-only database with a clear message', async () => {
    const dir = tempDir();
    (await open(dir)).close();
    handles.length = 0;
    chmodSync(dataPaths(dir).database, 0o444);
    chmodSync(dir, 0o555);
    // root ignores file modes; only assert when the OS actually enforces them.
    const enforced = process.getuid?.() !== 0;
    if (enforced) await expect(openApp({ dataDir: dir })).rejects.toMatchObject({ code: 'DB_READ_ONLY' });
    else await expect(openApp({ dataDir: dir }).then((a) => { handles.push(a); return 'opened'; })).resolves.toBe('opened');
  });

  it('refuses a database written by a newer version and does not touch it', async () => {
    const dir = tempDir();
    (await open(dir)).close();
    handles.length = 0;
    const path = dataPaths(dir).database;
    const raw = new BetterSqlite3(path);
    raw.exec("INSERT INTO _migrations VALUES ('2099_01_01_0000_future', '2099-01-01'); PRAGMA user_version = 99;");
    raw.close();
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(path, copy);
    await expect(openApp({ dataDir: dir })).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
    const after = new BetterSqlite3(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
  });
});
