import { sql, type Kysely } from 'kysely';

/**
 * Frozen: outcomes of re-assessment rounds, sectors per office, tasks beyond one commune's criterion.
 * - plan_round_item gains the round's outcome for the commune (duy trì / phải khắc phục trước ngày … / đề nghị thu
 *   hồi) or the OCOP product (giữ hạng / nâng hạng / hạ hạng / thu hồi) with its reason; the remedy deadline and
 *   the day the remedy was done; the recognition decision at stake (ntm_recognition, so a later revocation shows
 *   beside the outcome) and the OCOP re-scoring on the sheet in force (ocop_evaluation).
 * - plan_criterion_sector: the office's own responsible sector for a criterion of a catalog, over the catalog's
 *   default. Syncable.
 * - plan_task is rebuilt (SQLite cannot relax NOT NULL in place): a task is assigned to a sector or a staff member
 *   and linked to a commune, a criterion, an OCOP product or a round, any of them, with the document that assigned
 *   it. Rows keep their ids, versions and values.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const syncable = <T extends { addColumn: (...a: any[]) => T }>(t: T): T =>
    t
      .addColumn('office_code', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('deleted', 'integer', (c: any) => c.notNull().defaultTo(0));
  const isoDate = (column: string) => sql.raw(`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);

  const item = (column: string, build: (c: any) => any = (c) => c) => db.schema.alterTable('plan_round_item').addColumn(column, 'text', build).execute();
  await item('outcome', (c) => c.check(sql`outcome in ('maintained','remedy','revoke_proposed','upgrade','downgrade','revoke')`));
  await item('outcome_reason');
  await item('remedy_due', (c) => c.check(isoDate('remedy_due')));
  await item('remedied_on', (c) => c.check(isoDate('remedied_on')));
  await item('recognition_id', (c) => c.references('ntm_recognition.id'));
  await item('evaluation_id', (c) => c.references('ocop_evaluation.id'));

  await syncable(
    db.schema
      .createTable('plan_criterion_sector')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('catalog_id', 'text', (c) => c.notNull())
      .addColumn('criterion_no', 'integer', (c) => c.notNull())
      .addColumn('sector', 'text', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('plan_criterion_sector_key').on('plan_criterion_sector').columns(['office_code', 'catalog_id', 'criterion_no']).unique().execute();

  await syncable(
    db.schema
      .createTable('plan_task_v2')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.references('ntm_commune.id'))
      .addColumn('catalog_id', 'text')
      .addColumn('criterion_no', 'integer')
      .addColumn('criterion_name', 'text')
      .addColumn('product_id', 'text', (c) => c.references('ocop_product.id'))
      .addColumn('sector', 'text')
      // staff is local to each installation (not synced): the name travels with the id.
      .addColumn('staff_id', 'text')
      .addColumn('staff_name', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull().check(isoDate('due_on')))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','in_progress','done','cancelled')`))
      .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('round','roadmap','manual')`))
      .addColumn('round_id', 'text')
      .addColumn('done_on', 'text')
      .addColumn('note', 'text')
      .addColumn('created_by', 'text')
      .addColumn('doc_no', 'text')
      .addColumn('doc_date', 'text', (c) => c.check(isoDate('doc_date')))
      .addColumn('doc_issuer', 'text')
      .addCheckConstraint('plan_task_assignee', sql`sector is not null or staff_name is not null`)
      .addCheckConstraint('plan_task_criterion', sql`(criterion_no is null) = (catalog_id is null)`),
  ).execute();
  const kept = ['id', 'office_code', 'version', 'updated_at', 'deleted', 'commune_id', 'catalog_id', 'criterion_no', 'criterion_name', 'sector', 'title', 'due_on', 'status', 'origin', 'round_id', 'done_on', 'note', 'created_by'].join(', ');
  await sql.raw(`INSERT INTO plan_task_v2 (${kept}) SELECT ${kept} FROM plan_task`).execute(db);
  await db.schema.dropTable('plan_task').execute();
  await sql`ALTER TABLE plan_task_v2 RENAME TO plan_task`.execute(db);
  await db.schema.createIndex('plan_task_due').on('plan_task').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('plan_task_commune').on('plan_task').columns(['commune_id', 'catalog_id', 'criterion_no']).execute();
  await db.schema.createIndex('plan_task_product').on('plan_task').columns(['product_id']).execute();
  await db.schema.createIndex('plan_task_round').on('plan_task').columns(['round_id']).execute();
}
