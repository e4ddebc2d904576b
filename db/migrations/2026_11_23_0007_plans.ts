import { sql, type Kysely } from 'kysely';

/**
 * Frozen: plans and verification. Plans with their source document and targets; commune roadmaps (the year a
 * commune registered to reach a level); re-assessment rounds (rà soát, đánh giá lại) with teams, the communes and
 * products in scope, and the findings of the inter-sector team (đoàn thẩm định) and of sectors, kept in their own
 * tables beside the commune's self-assessment (ntm_value), never over it; tasks for the sectors responsible for
 * criteria not met. Every row is syncable (ARCHITECTURE.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const syncable = <T extends { addColumn: (...a: any[]) => T }>(t: T): T =>
    t
      .addColumn('office_code', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('deleted', 'integer', (c: any) => c.notNull().defaultTo(0));
  const isoDate = (column: string) => sql.raw(`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);

  await syncable(
    db.schema
      .createTable('plan')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('document_no', 'text', (c) => c.notNull())
      .addColumn('document_date', 'text', (c) => c.notNull().check(isoDate('document_date')))
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('year_from', 'integer', (c) => c.notNull())
      .addColumn('year_to', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_by', 'text')
      .addCheckConstraint('plan_years', sql`year_to >= year_from`),
  ).execute();

  await syncable(
    db.schema
      .createTable('plan_target')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('new','cumulative','percent','level')`))
      .addColumn('target_value', 'real', (c) => c.notNull())
      .addColumn('target_office_code', 'text')
      .addColumn('achieved_manual', 'real')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('plan_target_plan').on('plan_target').columns(['plan_id', 'sort_order']).execute();

  await syncable(
    db.schema
      .createTable('plan_roadmap')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('ntm_commune.id'))
      .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('xa_ntm','xa_ntm_nang_cao','xa_ntm_kieu_mau','xa_ntm_hien_dai')`))
      .addColumn('target_year', 'integer', (c) => c.notNull())
      .addColumn('plan_id', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('plan_roadmap_key').on('plan_roadmap').columns(['office_code', 'commune_id', 'level']).unique().execute();

  await syncable(
    db.schema
      .createTable('plan_round')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('document_no', 'text', (c) => c.notNull())
      .addColumn('document_date', 'text', (c) => c.notNull().check(isoDate('document_date')))
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('catalog_id', 'text')
      .addColumn('scope_json', 'text', (c) => c.notNull())
      .addColumn('members_due', 'text')
      .addColumn('teams_due', 'text')
      .addColumn('review_due', 'text')
      .addColumn('report_due', 'text')
      .addColumn('reported_on', 'text')
      .addColumn('conclusion', 'text')
      .addColumn('note', 'text'),
  ).execute();

  await syncable(
    db.schema
      .createTable('plan_round_team')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('plan_round.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('leader', 'text')
      .addColumn('members_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('plan_round_team_round').on('plan_round_team').columns(['round_id']).execute();

  await syncable(
    db.schema
      .createTable('plan_round_item')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('plan_round.id'))
      .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('commune','ocop_product')`))
      // ntm_commune.id or ocop_product.id, by subject_kind.
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('catalog_id', 'text')
      .addColumn('team_id', 'text')
      .addColumn('result', 'text', (c) => c.notNull().defaultTo('pending').check(sql`result in ('pending','confirmed','not_confirmed')`))
      .addColumn('result_note', 'text')
      .addColumn('checked_on', 'text'),
  ).execute();
  await db.schema.createIndex('plan_round_item_key').on('plan_round_item').columns(['round_id', 'subject_kind', 'subject_id']).unique().execute();

  await syncable(
    db.schema
      .createTable('plan_finding')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('plan_round.id'))
      .addColumn('commune_id', 'text', (c) => c.notNull().references('ntm_commune.id'))
      .addColumn('catalog_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('doan_tham_dinh','nganh')`))
      // '' for the team; the sector's name for a sector's assessment.
      .addColumn('sector', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('indicator_code', 'text', (c) => c.notNull())
      .addColumn('value_json', 'text')
      .addColumn('manual_met', 'integer', (c) => c.check(sql`manual_met in (0,1)`))
      .addColumn('evidence', 'text')
      .addColumn('entered_by', 'text'),
  ).execute();
  await db.schema
    .createIndex('plan_finding_key')
    .on('plan_finding')
    .columns(['round_id', 'commune_id', 'catalog_id', 'source', 'sector', 'indicator_code'])
    .unique()
    .execute();

  await syncable(
    db.schema
      .createTable('plan_finding_file')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('finding_id', 'text', (c) => c.notNull().references('plan_finding.id'))
      .addColumn('sha256', 'text', (c) => c.notNull().references('attachment.sha256'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text'),
  ).execute();
  await db.schema.createIndex('plan_finding_file_finding').on('plan_finding_file').columns(['finding_id']).execute();

  await syncable(
    db.schema
      .createTable('plan_task')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('ntm_commune.id'))
      .addColumn('catalog_id', 'text', (c) => c.notNull())
      .addColumn('criterion_no', 'integer', (c) => c.notNull())
      .addColumn('criterion_name', 'text', (c) => c.notNull())
      .addColumn('sector', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull().check(isoDate('due_on')))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','in_progress','done','cancelled')`))
      .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('round','roadmap','manual')`))
      .addColumn('round_id', 'text')
      .addColumn('done_on', 'text')
      .addColumn('note', 'text')
      .addColumn('created_by', 'text'),
  ).execute();
  await db.schema.createIndex('plan_task_due').on('plan_task').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('plan_task_commune').on('plan_task').columns(['commune_id', 'catalog_id', 'criterion_no']).execute();
}
