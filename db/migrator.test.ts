import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from './connection';
import { migrate } from './migrator';
import { MIGRATIONS, type Migration } from './migrations/index';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function temp() {
  const d = mkdtempSync(join(tmpdir(), 'ntm-mig-'));
  dirs.push(d);
  return d;
}
const now = () => new Date('2026-11-23T08:00:00Z');

describe('migrate', () => {
  it('backs up a database that holds data before applying a pending migration', async () => {
    const dir = temp();
    const conn = openConnection(join(dir, 'a.sqlite'));
    const first = await migrate(conn, { backupDir: join(dir, 'b'), now });
    expect(first.backupPath).toBeNull();
    conn.sqlite.exec("INSERT INTO app_setting VALUES ('marker', 'trước')");
    const next: Migration = { name: '2099_01_01_0000_next', up: async (db) => void (await sql`CREATE TABLE t (x)`.execute(db)) };
    const second = await migrate(conn, { backupDir: join(dir, 'b'), now, migrations: [...MIGRATIONS, next] });
    expect(second.pending).toEqual([]);
    expect(second.backupPath && existsSync(second.backupPath)).toBe(true);
    const copy = new BetterSqlite3(second.backupPath!, { readonly: true });
    expect(copy.prepare("SELECT value FROM app_setting WHERE key='marker'").get()).toEqual({ value: 'trước' });
    expect(copy.prepare("SELECT name FROM sqlite_schema WHERE name='t'").get()).toBeUndefined();
    copy.close();
    conn.close();
  });

  it('rolls a failing migration back with its bookkeeping row: all or nothing', async () => {
    const dir = temp();
    const conn = openConnection(join(dir, 'a.sqlite'));
    await migrate(conn, { backupDir: join(dir, 'b'), now });
    const broken: Migration = {
      name: '2099_01_01_0000_broken',
      up: async (db) => {
        await sql`CREATE TABLE half (x)`.execute(db);
        await sql`INSERT INTO no_such_table VALUES (1)`.execute(db);
      },
    };
    await expect(migrate(conn, { backupDir: join(dir, 'b'), now, migrations: [...MIGRATIONS, broken] })).rejects.toThrow();
    expect(conn.sqlite.prepare("SELECT name FROM sqlite_schema WHERE name='half'").get()).toBeUndefined();
    expect(conn.sqlite.prepare("SELECT count(*) AS n FROM _migrations WHERE name = ?").get(broken.name)).toEqual({ n: 0 });
    expect(conn.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    conn.close();
  });
});
