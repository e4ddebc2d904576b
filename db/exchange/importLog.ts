import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ExchangeImportLogTable } from '../schema';

/** The province's log of every bundle it was given, accepted or refused; accepted rows are the replay guard. */

export type ImportLogRow = Selectable<ExchangeImportLogTable>;
export type ImportLogInsert = Omit<ExchangeImportLogTable, 'id'>;

const COLUMNS = [
  'at', 'status', 'office_code', 'sequence', 'file_name', 'file_sha256', 'file_bytes', 'bundle_created_at',
  'signer_fingerprint', 'counts_json', 'warnings_json', 'error_code', 'message', 'staff_name',
] as const satisfies readonly (keyof ImportLogInsert)[];

/** For a refused bundle: written on its own, after the refused merge rolled back. */
export async function insertImportLog(db: Kysely<Database>, row: ImportLogInsert): Promise<number> {
  const r = await db.insertInto('exchange_import_log').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * The same insert as a better-sqlite3 statement, for the merge transaction, which runs on the raw handle
 * (Kysely must not be used inside it: STYLE.md §6).
 */
export function prepareImportLogInsert(sqlite: BetterSqlite3.Database): (row: ImportLogInsert) => number {
  const stmt = sqlite.prepare(
    `INSERT INTO exchange_import_log (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  return (row) => Number(stmt.run(row).lastInsertRowid);
}

/** The highest accepted sequence of an office, or null if none was imported yet. */
export function lastImportedSequenceSync(sqlite: BetterSqlite3.Database, officeCode: string): number | null {
  const row = sqlite
    .prepare(`SELECT max(sequence) AS max FROM exchange_import_log WHERE status = 'imported' AND office_code = ?`)
    .get(officeCode) as { max: number | null };
  return row.max;
}

export async function lastImportedSequence(db: Kysely<Database>, officeCode: string): Promise<number | null> {
  const row = await db
    .selectFrom('exchange_import_log')
    .select((eb) => eb.fn.max('sequence').as('max'))
    .where('status', '=', 'imported')
    .where('office_code', '=', officeCode)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? null : Number(row.max);
}

export async function listImportLog(db: Kysely<Database>, filter: { officeCode?: string; limit: number }): Promise<ImportLogRow[]> {
  let q = db.selectFrom('exchange_import_log').selectAll();
  if (filter.officeCode !== undefined) q = q.where('office_code', '=', filter.officeCode);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}

export type ImportSummaryRow = { office_code: string; last_sequence: number | null; last_at: string | null; imports: number };

export async function importSummaryByOffice(db: Kysely<Database>): Promise<ImportSummaryRow[]> {
  const rows = await db
    .selectFrom('exchange_import_log')
    .select((eb) => [
      'office_code',
      eb.fn.max('sequence').as('last_sequence'),
      eb.fn.max('at').as('last_at'),
      eb.fn.countAll().as('imports'),
    ])
    .where('status', '=', 'imported')
    .where('office_code', 'is not', null)
    .groupBy('office_code')
    .execute();
  return rows.map((r) => ({
    office_code: r.office_code ?? '',
    last_sequence: r.last_sequence === null ? null : Number(r.last_sequence),
    last_at: r.last_at === null ? null : String(r.last_at),
    imports: Number(r.imports),
  }));
}

/** Appends an audit row with the raw handle, inside the merge transaction (same columns as db/audit.ts). */
export function prepareAuditInsert(
  sqlite: BetterSqlite3.Database,
): (e: { at: string; staffId: string | null; staffName: string | null; entity: string; entityId: string; action: string; after: unknown }) => void {
  const stmt = sqlite.prepare(
    'INSERT INTO audit_log (at, staff_id, staff_name, entity, entity_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  return (e) => {
    stmt.run(e.at, e.staffId, e.staffName, e.entity, e.entityId, e.action, JSON.stringify(e.after));
  };
}
