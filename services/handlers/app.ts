import type { AppInfo, DbCheck } from '../../core/contract/index';
import { getSetting } from '../../db/settings';
import { getOfficeProfile, getStaff, rowToStaff } from '../../db/office';
import { readMigrationState } from '../../db/migrator';
import type { ServiceContext } from '../context';

export async function appInfo(ctx: ServiceContext): Promise<AppInfo> {
  const office = await getOfficeProfile(ctx.db);
  const staffId = await getSetting(ctx.db, 'current_staff_id');
  const staffRow = staffId ? await getStaff(ctx.db, staffId) : undefined;
  const state = await readMigrationState(ctx.conn);
  return {
    appVersion: ctx.appVersion,
    schemaVersion: state.schemaVersion,
    dataDir: ctx.dataDir,
    databasePath: ctx.conn.path,
    setupDone: office !== null,
    office,
    staff: staffRow ? rowToStaff(staffRow) : null,
  };
}

/** PRAGMA integrity_check (https://www.sqlite.org/pragma.html#pragma_integrity_check) and migration state. */
export async function dbCheck(ctx: ServiceContext): Promise<DbCheck> {
  const rows = ctx.conn.sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  const state = await readMigrationState(ctx.conn);
  return {
    integrity: messages.length === 1 && messages[0] === 'ok' ? 'ok' : messages,
    appliedMigrations: state.applied,
    pendingMigrations: state.pending,
    schemaVersion: state.schemaVersion,
  };
}
