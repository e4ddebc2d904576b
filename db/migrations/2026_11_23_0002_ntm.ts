import { sql, type Kysely } from 'kysely';

/**
 * Frozen: NTM catalogs, communes with their profile, quarterly assessments with indicator values, evidence
 * files (content-addressed attachments), recognition decisions. Syncable rows (ARCHITECTURE.md: records are
 * owned by the office that made them) carry a UUIDv7 id, the owning office's code, a version, updated_at and
 * a tombstone flag.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const syncable = <T extends { addColumn: (...a: any[]) => T }>(t: T): T =>
    t
      .addColumn('office_code', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('deleted', 'integer', (c: any) => c.notNull().defaultTo(0));

  await db.schema
    .createTable('ntm_catalog')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('period_from', 'integer', (c) => c.notNull())
    .addColumn('period_to', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('shipped','imported','edited')`))
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ntm_catalog_pk', ['id', 'revision'])
    .execute();

  await syncable(
    db.schema
      .createTable('ntm_commune')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('admin_unit.id'))
      .addColumn('region', 'text')
      .addColumn('commune_group', 'integer')
      .addColumn('flags_json', 'text', (c) => c.notNull().defaultTo('{}')),
  ).execute();
  // One row per office and unit: a province holds the rows merged from each office's bundles side by side.
  await db.schema.createIndex('ntm_commune_office_unit').on('ntm_commune').columns(['office_code', 'unit_id']).unique().execute();

  await syncable(
    db.schema
      .createTable('ntm_assessment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('ntm_commune.id'))
      .addColumn('period', 'text', (c) => c.notNull().check(sql`period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'`))
      .addColumn('catalog_id', 'text', (c) => c.notNull())
      .addColumn('catalog_revision', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','submitted','locked')`))
      .addColumn('updated_by', 'text'),
  ).execute();
  await db.schema.createIndex('ntm_assessment_key').on('ntm_assessment').columns(['commune_id', 'period', 'catalog_id']).unique().execute();
  await db.schema.createIndex('ntm_assessment_period').on('ntm_assessment').columns(['period', 'catalog_id']).execute();

  await syncable(
    db.schema
      .createTable('ntm_value')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('assessment_id', 'text', (c) => c.notNull().references('ntm_assessment.id'))
      .addColumn('indicator_code', 'text', (c) => c.notNull())
      .addColumn('value_json', 'text')
      .addColumn('manual_met', 'integer', (c) => c.check(sql`manual_met in (0,1)`))
      .addColumn('evidence', 'text')
      .addColumn('entered_by', 'text'),
  ).execute();
  await db.schema.createIndex('ntm_value_key').on('ntm_value').columns(['assessment_id', 'indicator_code']).unique().execute();

  await db.schema
    .createTable('attachment')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await syncable(
    db.schema
      .createTable('ntm_evidence_file')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('assessment_id', 'text', (c) => c.notNull().references('ntm_assessment.id'))
      .addColumn('indicator_code', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull().references('attachment.sha256'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text'),
  ).execute();
  await db.schema.createIndex('ntm_evidence_file_assessment').on('ntm_evidence_file').columns(['assessment_id', 'indicator_code']).execute();

  await syncable(
    db.schema
      .createTable('ntm_recognition')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('ntm_commune.id'))
      .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('xa_ntm','xa_ntm_nang_cao','xa_ntm_kieu_mau','xa_ntm_hien_dai')`))
      .addColumn('decision_no', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('catalog_id', 'text')
      .addColumn('revoked_decision_no', 'text')
      .addColumn('revoked_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('ntm_recognition_commune').on('ntm_recognition').columns(['commune_id', 'decided_on']).execute();
}
