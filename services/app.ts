import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { AppError, type Result } from '../core/errors';
import type { HostContext } from '../core/contract/host';
import { uuidv7 } from '../core/ids';
import { existsSync, readdirSync } from 'node:fs';
import { openConnection, type Connection } from '../db/connection';
import { migrate } from '../db/migrator';
import { syncReferenceUnits } from '../db/units';
import { runMaintenance } from './backup/service';
import type { ServiceContext } from './context';
import { createDispatch } from './dispatch';
import { dataPaths } from './paths';
import { APP_VERSION } from './version';

export type AppEvent = { name: string; payload: unknown };

export type AppHandle = {
  dispatch: (method: string, input: unknown) => Promise<Result<unknown>>;
  onEvent: (listener: (event: AppEvent) => void) => () => void;
  close: () => void;
  context: ServiceContext;
};

export type OpenAppOptions = {
  dataDir: string;
  host?: HostContext;
  now?: () => Date;
  newId?: () => string;
  onUnexpectedError?: (e: unknown, method: string) => void;
  /** Daily backup and weekly integrity check while the app is open (hosts turn it on; tests leave it off). */
  maintenance?: boolean;
};

const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * PRAGMA quick_check at every start (https://www.sqlite.org/pragma.html#pragma_quick_check): a damaged
 * database is reported with the backups available, never used with a silent error.
 */
function quickCheck(conn: Connection, backupsDir: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = conn.sqlite.pragma('quick_check') as { quick_check: string }[];
  } catch (e) {
    rows = [{ quick_check: (e as Error).message }];
  }
  if (rows.length === 1 && rows[0]!.quick_check === 'ok') return;
  const backups = existsSync(backupsDir) ? readdirSync(backupsDir).filter((f) => f.endsWith('.ntmbak')).sort().reverse() : [];
  throw new AppError(
    'DB_CORRUPT',
    `Cơ sở dữ liệu bị hỏng (${rows.slice(0, 3).map((r) => r.quick_check).join('; ')}). Hãy khôi phục từ bản sao lưu: ${backups.length > 0 ? `npm run cli -- backup restore "${backups[0]}"` : 'chưa có bản sao lưu nào trong thư mục dữ liệu'}.`,
    { problems: rows.map((r) => r.quick_check), backups },
  );
}

/**
 * Opens the office's data folder: creates it, opens the database with its pragmas, backs it up and migrates
 * it if needed, loads the reference units, and returns the dispatch every host binds to its transport.
 */
export async function openApp(options: OpenAppOptions): Promise<AppHandle> {
  const paths = dataPaths(options.dataDir);
  try {
    mkdirSync(options.dataDir, { recursive: true });
  } catch (e) {
    throw new AppError('DATA_DIR_UNAVAILABLE', `Không tạo được thư mục dữ liệu "${options.dataDir}": ${(e as Error).message}`);
  }
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => uuidv7(now().getTime(), randomBytes(10)));
  const conn = openConnection(paths.database);
  try {
    quickCheck(conn, paths.backups);
    await migrate(conn, { backupDir: paths.backups, now });
    await syncReferenceUnits(conn.db);
  } catch (e) {
    conn.close();
    throw e;
  }

  const listeners = new Set<(event: AppEvent) => void>();
  const context: ServiceContext = {
    conn,
    db: conn.db,
    dataDir: options.dataDir,
    now,
    newId,
    host: options.host ?? { kind: 'test' },
    appVersion: APP_VERSION,
    emit: (name, payload) => {
      for (const l of listeners) l({ name, payload });
    },
  };
  const onUnexpected = options.onUnexpectedError ?? ((e: unknown, m: string) => console.error(`[${m}]`, e));
  const dispatch = createDispatch(context, onUnexpected);
  let timer: ReturnType<typeof setInterval> | null = null;
  if (options.maintenance) {
    const tick = () => void runMaintenance(context).catch((e: unknown) => onUnexpected(e, 'maintenance'));
    tick();
    timer = setInterval(tick, MAINTENANCE_INTERVAL_MS);
    timer.unref();
  }
  return {
    dispatch,
    context,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      if (timer) clearInterval(timer);
      context.conn.close();
    },
  };
}
