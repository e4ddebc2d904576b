import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, ReportTable } from './schema';

export type ReportRow = Selectable<ReportTable>;

/** Summary columns: everything but the (large) snapshot. */
const SUMMARY_COLUMNS = [
  'id', 'office_code', 'version', 'updated_at', 'deleted', 'period', 'period_kind', 'revision', 'status', 'narrative_json', 'header_json',
  'created_at', 'created_by', 'finalized_at', 'finalized_by',
] as const;

export type ReportSummaryRow = Omit<ReportRow, 'snapshot_json'>;

export async function listReportRows(db: Kysely<Database>, filter: { officeCode?: string; period?: string; status?: ReportTable['status'] } = {}): Promise<ReportSummaryRow[]> {
  let q = db.selectFrom('report').select(SUMMARY_COLUMNS).where('deleted', '=', 0);
  if (filter.officeCode) q = q.where('office_code', '=', filter.officeCode);
  if (filter.period) q = q.where('period', '=', filter.period);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('period', 'desc').orderBy('revision', 'desc').execute();
}

export async function getReportRow(db: Kysely<Database>, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('report').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
}

/** The highest revision of an office's period (draft or final), or undefined. */
export async function latestReportRow(db: Kysely<Database>, officeCode: string, period: string): Promise<ReportRow | undefined> {
  return db
    .selectFrom('report')
    .selectAll()
    .where('office_code', '=', officeCode)
    .where('period', '=', period)
    .where('deleted', '=', 0)
    .orderBy('revision', 'desc')
    .executeTakeFirst();
}

export async function insertReport(db: Kysely<Database>, row: Insertable<ReportTable>): Promise<void> {
  await db.insertInto('report').values(row).execute();
}

export async function updateReport(db: Kysely<Database>, id: string, patch: Omit<Updateable<ReportTable>, 'id' | 'version' | 'office_code'>): Promise<void> {
  await db
    .updateTable('report')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
