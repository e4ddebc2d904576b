import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { AppError } from '../core/errors';
import type { Connection } from './connection';
import { MIGRATIONS, type Migration } from './migrations/index';

export type MigrationState = { applied: string[]; pending: string[]; schemaVersion: number };

async function ensureBookkeeping(conn: Connection): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`.execute(conn.db);
}

/** What is applied and what is pending; a database that knows migrations we don't is refused (newer app). */
export async function readMigrationState(conn: Connection, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationState> {
  const hasTable = conn.sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type='table' AND name='_migrations'").get();
  const applied = hasTable
    ? (conn.sqlite.prepare('SELECT name FROM _migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name)
    : [];
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((n) => !known.has(n));
  const userVersion = conn.sqlite.pragma('user_version', { simple: true }) as number;
  if (unknown.length > 0 || userVersion > migrations.length) {
    throw new AppError(
      'DB_TOO_NEW',
      'Cơ sở dữ liệu này được tạo bởi phiên bản NTM Desk mới hơn. Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.',
      { unknownMigrations: unknown, userVersion, knownVersion: migrations.length },
    );
  }
  const appliedSet = new Set(applied);
  return { applied, pending: migrations.filter((m) => !appliedSet.has(m.name)).map((m) => m.name), schemaVersion: applied.length };
}

export type MigrateOptions = { backupDir: string; now: () => Date; migrations?: readonly Migration[] };

/**
 * Applies pending migrations in order. Before any pending migration runs on a database that already holds
 * data, a copy is made with SQLite's online backup API (https://www.sqlite.org/backup.html).
 * Each migration and its bookkeeping row commit in one transaction: a crash leaves it all or nothing.
 */
export async function migrate(conn: Connection, options: MigrateOptions): Promise<MigrationState & { backupPath: string | null }> {
  const migrations = options.migrations ?? MIGRATIONS;
  const state = await readMigrationState(conn, migrations);
  if (state.pending.length === 0) return { ...state, backupPath: null };

  let backupPath: string | null = null;
  if (state.applied.length > 0) {
    mkdirSync(options.backupDir, { recursive: true });
    const stamp = options.now().toISOString().replace(/[:.]/g, '-');
    backupPath = join(options.backupDir, `truoc-nang-cap-${stamp}-v${state.applied.length}.sqlite`);
    await conn.sqlite.backup(backupPath);
  }

  await ensureBookkeeping(conn);
  for (const migration of migrations) {
    if (!state.pending.includes(migration.name)) continue;
    const version = migrations.indexOf(migration) + 1;
    await conn.db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await trx.insertInto('_migrations').values({ name: migration.name, applied_at: options.now().toISOString() }).execute();
      // user_version lives in the file header and is written inside the same transaction.
      await sql.raw(`PRAGMA user_version = ${version}`).execute(trx);
    });
  }
  return { ...(await readMigrationState(conn, migrations)), backupPath };
}
