import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../core/errors';
import { openConnection } from '../../db/connection';
import { migrate } from '../../db/migrator';
import { getSetting, setSetting } from '../../db/settings';
import type { ServiceContext } from '../context';
import { sweepStaleTemporaries } from '../exchange/sweep';
import { dataPaths } from '../paths';
import { audit, currentActor } from '../staff';
import { BACKUP_EXTENSION, backupFileName, verifyBackup, writeBackup, type BackupManifest } from './backupFile';

export type BackupEntry = { fileName: string; size: number; manifest: BackupManifest | null; problem: string | null };

/** Automatic daily backups kept in the data folder; older ones are removed (pre-migration copies are kept apart). */
export const DAILY_BACKUPS_KEPT = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

function backupsDir(ctx: ServiceContext): string {
  return dataPaths(ctx.dataDir).backups;
}

async function officeCodeOf(ctx: ServiceContext): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('office')
    .innerJoin('admin_unit as u', 'u.id', 'office.unit_id')
    .select(['office.kind', 'u.code'])
    .executeTakeFirst();
  if (!row) return null;
  return `${row.kind === 'district' ? 'H' : row.kind === 'commune' ? 'X' : 'T'}${row.code}`;
}

/** Makes a verified backup file, in the data folder or in a folder the person chose (e.g. a USB stick). */
export async function createBackup(
  ctx: ServiceContext,
  input: { reason: 'manual' | 'daily' | 'pre-restore'; folder?: string },
): Promise<{ fileName: string; folder: string; manifest: BackupManifest }> {
  const folder = input.folder ?? backupsDir(ctx);
  const now = ctx.now();
  const fileName = backupFileName(await officeCodeOf(ctx), input.reason, now);
  const { manifest } = await writeBackup({
    sqlite: ctx.conn.sqlite,
    attachmentsDir: dataPaths(ctx.dataDir).attachments,
    destination: join(folder, fileName),
    reason: input.reason,
    appVersion: ctx.appVersion,
    now,
  });
  await setSetting(ctx.db, input.reason === 'daily' ? 'last_daily_backup_at' : 'last_backup_at', now.toISOString());
  if (input.reason === 'daily') rotate(folder);
  return { fileName, folder, manifest };
}

function rotate(folder: string): void {
  const daily = readdirSync(folder)
    .filter((f) => f.endsWith(`-daily${BACKUP_EXTENSION}`))
    .sort();
  for (const old of daily.slice(0, Math.max(0, daily.length - DAILY_BACKUPS_KEPT))) rmSync(join(folder, old), { force: true });
}

/** Backups in the data folder, newest first, each with what it contains (or why it cannot be read). */
export async function listBackups(ctx: ServiceContext): Promise<BackupEntry[]> {
  const folder = backupsDir(ctx);
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder).filter((f) => f.endsWith(BACKUP_EXTENSION)).sort().reverse();
  const out: BackupEntry[] = [];
  for (const fileName of files) {
    const path = join(folder, fileName);
    try {
      out.push({ fileName, size: statSync(path).size, manifest: await verifyBackup(path, null), problem: null });
    } catch (e) {
      out.push({ fileName, size: statSync(path).size, manifest: null, problem: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/** A backup file named by the UI must be one of the data folder's own: never a path from the renderer. */
export function backupPathByName(ctx: ServiceContext, fileName: string): string {
  const folder = resolve(backupsDir(ctx));
  const path = resolve(folder, fileName);
  if (basename(path) !== fileName || !fileName.endsWith(BACKUP_EXTENSION) || !existsSync(path)) {
    throw new AppError('BACKUP_NOT_FOUND', `Không có bản sao lưu "${fileName}" trong thư mục dữ liệu.`);
  }
  return path;
}

/**
 * Restores a backup: verifies and unpacks it beside the database, checks the copy, keeps the current
 * database aside as a backup of its own, then swaps the files and reopens. Any failure before the swap
 * leaves the current database as it was.
 */
export async function restoreBackup(ctx: ServiceContext, path: string): Promise<{ restored: BackupManifest; keptAside: string }> {
  const paths = dataPaths(ctx.dataDir);
  const staging = `${paths.database}.khoi-phuc`;
  rmSync(staging, { force: true });
  let manifest: BackupManifest;
  try {
    manifest = await verifyBackup(path, { database: staging, attachmentsDir: paths.attachments });
    const probe = openConnection(staging);
    try {
      const ok = probe.sqlite.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') throw new AppError('BACKUP_INVALID', 'Cơ sở dữ liệu trong bản sao lưu không toàn vẹn; không khôi phục.');
      await migrate(probe, { backupDir: paths.backups, now: ctx.now });
    } finally {
      probe.close();
    }
  } catch (e) {
    rmSync(staging, { force: true });
    rmSync(`${staging}-wal`, { force: true });
    rmSync(`${staging}-shm`, { force: true });
    throw e;
  }
  const actor = await currentActor(ctx);
  const aside = await createBackup(ctx, { reason: 'pre-restore' });
  ctx.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  ctx.conn.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${paths.database}${suffix}`, { force: true });
  renameSync(staging, paths.database);
  for (const suffix of ['-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  const conn = openConnection(paths.database);
  ctx.conn = conn;
  ctx.db = conn.db;
  await ctx.db.transaction().execute(async (trx) => {
    await audit(trx, ctx, actor, {
      entity: 'database',
      entityId: 'restore',
      action: 'restore',
      before: { keptAside: aside.fileName },
      after: { from: basename(path), createdAt: manifest.createdAt, office: manifest.office },
    });
  });
  ctx.emit('database.restored', { fileName: basename(path) });
  return { restored: manifest, keptAside: aside.fileName };
}

/**
 * Work done while the application is open: a daily backup when the last is more than a day old, and a full
 * integrity check when the last is more than a week old (a quick_check runs at every start).
 */
export async function runMaintenance(ctx: ServiceContext): Promise<{ backedUp: boolean; integrityChecked: boolean; integrity: 'ok' | string[] | null }> {
  const now = ctx.now().getTime();
  const lastBackup = await getSetting(ctx.db, 'last_daily_backup_at');
  let backedUp = false;
  if (!lastBackup || now - Date.parse(lastBackup) >= DAY_MS) {
    mkdirSync(backupsDir(ctx), { recursive: true });
    await createBackup(ctx, { reason: 'daily' });
    backedUp = true;
  }
  const lastCheck = await getSetting(ctx.db, 'last_integrity_check_at');
  let integrity: 'ok' | string[] | null = null;
  if (!lastCheck || now - Date.parse(lastCheck) >= WEEK_MS) {
    const rows = ctx.conn.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    integrity = rows.length === 1 && rows[0]!.integrity_check === 'ok' ? 'ok' : rows.map((r) => r.integrity_check);
    await setSetting(ctx.db, 'last_integrity_check_at', ctx.now().toISOString());
    await setSetting(ctx.db, 'last_integrity_result', JSON.stringify(integrity));
    if (integrity !== 'ok') ctx.emit('database.damaged', { integrity });
  }
  // What a killed import or export left behind (services/exchange/sweep.ts).
  await sweepStaleTemporaries(ctx.dataDir, now);
  return { backedUp, integrityChecked: integrity !== null, integrity };
}
