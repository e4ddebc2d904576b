import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { AppError, type Result } from '../core/errors';
import type { HostContext } from '../core/contract/host';
import { uuidv7 } from '../core/ids';
import { openConnection } from '../db/connection';
import { migrate } from '../db/migrator';
import { syncReferenceUnits } from '../db/units';
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
};

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
  const dispatch = createDispatch(context, options.onUnexpectedError ?? ((e, m) => console.error(`[${m}]`, e)));
  return {
    dispatch,
    context,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => conn.close(),
  };
}
