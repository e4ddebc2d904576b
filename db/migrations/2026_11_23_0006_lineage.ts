import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the lineage of units across the 1 July 2025 reform (reference data, reloaded when the shipped
 * file changes): which new commune-level unit took over all (full) or part (partial) of each old one, with
 * the resolution clause that says so; and which old provinces merged into each new province.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lineage_clause')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('unit_lineage')
    .addColumn('old_code', 'text', (c) => c.notNull())
    .addColumn('new_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('share', 'text', (c) => c.notNull().check(sql`share in ('full','partial')`))
    .addColumn('clause_id', 'text', (c) => c.notNull().references('lineage_clause.id'))
    .addColumn('confidence', 'text')
    .addColumn('old_known', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_lineage_pk', ['old_code', 'new_code'])
    .execute();
  await db.schema.createIndex('unit_lineage_new').on('unit_lineage').column('new_code').execute();
  await db.schema
    .createTable('province_lineage')
    .addColumn('new_code', 'text', (c) => c.notNull())
    .addColumn('old_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('province_lineage_pk', ['new_code', 'old_code'])
    .execute();
}
