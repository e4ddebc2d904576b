import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ExchangeExportItemTable, ExchangeExportTable } from '../schema';

/**
 * What this office exported, and what the province acknowledged. Incremental exports are computed from
 * record ids and versions (exchange_acked), not from clocks: a record goes out again until an export that
 * carried its current version is acknowledged.
 */

export type ExchangeExportRow = Selectable<ExchangeExportTable>;

export async function nextExportSequence(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('exchange_export').select((eb) => eb.fn.max('sequence').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertExport(db: Kysely<Database>, row: ExchangeExportTable): Promise<void> {
  await db.insertInto('exchange_export').values(row).execute();
}

export async function insertExportItems(db: Kysely<Database>, items: readonly ExchangeExportItemTable[]): Promise<void> {
  // 4 columns × 2,000 rows stays far below SQLite's limit of 32,766 bound parameters.
  for (let i = 0; i < items.length; i += 2000) {
    await db.insertInto('exchange_export_item').values(items.slice(i, i + 2000)).execute();
  }
}

export async function listExports(db: Kysely<Database>, limit = 200): Promise<ExchangeExportRow[]> {
  return db.selectFrom('exchange_export').selectAll().orderBy('sequence', 'desc').limit(limit).execute();
}

export async function getExport(db: Kysely<Database>, sequence: number): Promise<ExchangeExportRow | undefined> {
  return db.selectFrom('exchange_export').selectAll().where('sequence', '=', sequence).executeTakeFirst();
}

export async function lastAcknowledgedSequence(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('exchange_export')
    .select((eb) => eb.fn.max('sequence').as('max'))
    .where('acknowledged_at', 'is not', null)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? null : Number(row.max);
}

/**
 * Marks an export acknowledged: its items become the province's known versions, and the items of it and of
 * every older export are dropped (a later incremental export is computed from exchange_acked alone).
 */
export async function acknowledgeExport(db: Kysely<Database>, sequence: number, at: string): Promise<void> {
  await sql`
    INSERT INTO exchange_acked (record_type, record_id, version)
    SELECT record_type, record_id, version FROM exchange_export_item WHERE sequence = ${sequence}
    ON CONFLICT (record_type, record_id) DO UPDATE SET version = max(exchange_acked.version, excluded.version)
  `.execute(db);
  await db.updateTable('exchange_export').set({ acknowledged_at: at }).where('sequence', '=', sequence).execute();
  await db.deleteFrom('exchange_export_item').where('sequence', '<=', sequence).execute();
}
