import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../core/errors';
import type { Database } from './schema';

export type Connection = { sqlite: BetterSqlite3.Database; db: Kysely<Database>; path: string; close: () => void };

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (or creates) a database file with the pragmas this application relies on:
 * WAL for concurrent readers and crash safety, synchronous=FULL so a committed transaction survives power
 * loss (https://www.sqlite.org/pragma.html#pragma_synchronous), foreign keys on (off by default in SQLite).
 * A file that is not SQLite or cannot be written is refused with a clear message and left untouched.
 */
export function openConnection(path: string, options: { readonly?: boolean } = {}): Connection {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw mapOpenError(e, path);
  }
  try {
    // Reading the schema forces SQLite to read the header: a non-database file fails here, before any write.
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (!options.readonly) {
      const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new AppError('DB_OPEN_FAILED', `Không bật được chế độ WAL cho cơ sở dữ liệu (${String(mode)}).`);
      // A read-only file opens, but the first write fails: probe with a no-op write in a transaction.
      sqlite.exec('BEGIN IMMEDIATE; ROLLBACK;');
    }
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (e) {
    sqlite.close();
    throw mapOpenError(e, path);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    db,
    path,
    close: () => {
      // Kysely's destroy closes the better-sqlite3 handle too; guard against closing twice.
      if (sqlite.open) sqlite.close();
    },
  };
}

function mapOpenError(e: unknown, path: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB' || /not a database/i.test(message)) {
    return new AppError('DB_NOT_SQLITE', `Tệp "${path}" không phải là cơ sở dữ liệu SQLite hợp lệ (có thể đã hỏng). Không có gì bị thay đổi; hãy khôi phục từ bản sao lưu.`);
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || /readonly|read-only|EACCES|EROFS/i.test(message)) {
    return new AppError('DB_READ_ONLY', `Không ghi được vào cơ sở dữ liệu "${path}" (tệp hoặc thư mục chỉ đọc). Hãy kiểm tra quyền ghi hoặc chọn thư mục dữ liệu khác.`);
  }
  if (code === 'SQLITE_CORRUPT') {
    return new AppError('DB_CORRUPT', `Cơ sở dữ liệu "${path}" bị hỏng. Hãy khôi phục từ bản sao lưu.`);
  }
  return new AppError('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu "${path}": ${message}`);
}

export function looksLikeSqlite(header: Uint8Array): boolean {
  return Buffer.from(header.subarray(0, 16)).toString('latin1') === SQLITE_HEADER;
}
