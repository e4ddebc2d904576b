import { sql, type Kysely } from 'kysely';

/**
 * Frozen: periodic reports. One row per office, period and revision; a draft holds the narrative being written,
 * a final one also the JSON snapshot of every figure it was made from (core/reports/model.ts), so a report sent
 * last quarter reopens exactly as sent. Syncable like every record (ARCHITECTURE.md); `version` is the row's sync
 * version, `revision` the report's own number.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period GLOB '[0-9][0-9][0-9][0-9]' or period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]' or period GLOB '[0-9][0-9][0-9][0-9]-H[12]'`))
    .addColumn('period_kind', 'text', (c) => c.notNull().check(sql`period_kind in ('quarter','half','year')`))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','final')`))
    .addColumn('narrative_json', 'text', (c) => c.notNull())
    .addColumn('header_json', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('finalized_at', 'text')
    .addColumn('finalized_by', 'text')
    .addCheckConstraint('report_final_has_snapshot', sql`status = 'draft' or snapshot_json is not null`)
    .execute();
  await db.schema.createIndex('report_key').on('report').columns(['office_code', 'period', 'revision']).unique().execute();
}
