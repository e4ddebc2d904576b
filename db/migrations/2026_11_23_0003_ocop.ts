import { sql, type Kysely } from 'kysely';

/**
 * Frozen: OCOP producers (chủ thể), products with their status history, evaluations (each with the score-sheet
 * version it used), certificates, and dossier items and files (files in the content-addressed `attachment` store of
 * 0002). Every row is syncable (ARCHITECTURE.md): bundles carry them to the province.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const syncable = <T extends { addColumn: (...a: any[]) => T }>(t: T): T =>
    t
      .addColumn('office_code', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('deleted', 'integer', (c: any) => c.notNull().defaultTo(0));

  await syncable(
    db.schema
      .createTable('ocop_producer')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('tax_code', 'text')
      .addColumn('legal_rep_name', 'text', (c) => c.notNull())
      .addColumn('legal_rep_title', 'text')
      .addColumn('legal_rep_gender', 'text', (c) => c.check(sql`legal_rep_gender in ('nam','nu')`))
      .addColumn('legal_rep_ethnicity', 'text')
      .addColumn('legal_rep_address', 'text')
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('founded_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('ocop_producer_unit').on('ocop_producer').columns(['unit_code']).execute();

  await syncable(
    db.schema
      .createTable('ocop_product')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('producer_id', 'text', (c) => c.notNull().references('ocop_producer.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .addColumn('sheet_no', 'integer', (c) => c.notNull().check(sql`sheet_no between 1 and 26`))
      .addColumn('catalog_version', 'text', (c) => c.notNull())
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('code_year', 'integer', (c) => c.notNull())
      .addColumn('product_code', 'text', (c) => c.notNull())
      .addColumn('registration_kind', 'text', (c) => c.notNull().check(sql`registration_kind in ('first','upgrade','re_evaluation')`))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_since', 'text', (c) => c.notNull())
      .addColumn('commune_received_on', 'text')
      .addColumn('description', 'text')
      .addColumn('self_report_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('commune_report_json', 'text', (c) => c.notNull().defaultTo('{}')),
  ).execute();
  await db.schema.createIndex('ocop_product_producer').on('ocop_product').columns(['producer_id']).execute();
  await db.schema.createIndex('ocop_product_code').on('ocop_product').columns(['product_code']).execute();
  await db.schema.createIndex('ocop_product_unit_seq').on('ocop_product').columns(['unit_code', 'sequence']).execute();

  await syncable(
    db.schema
      .createTable('ocop_product_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('ocop_product.id'))
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('on_date', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('staff_name', 'text'),
  ).execute();
  await db.schema.createIndex('ocop_product_event_product').on('ocop_product_event').columns(['product_id', 'on_date']).execute();

  await syncable(
    db.schema
      .createTable('ocop_evaluation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('ocop_product.id'))
      .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('self','commune','province','central')`))
      .addColumn('catalog_version', 'text', (c) => c.notNull())
      .addColumn('sheet_no', 'integer', (c) => c.notNull())
      .addColumn('evaluated_on', 'text', (c) => c.notNull())
      .addColumn('members_json', 'text', (c) => c.notNull())
      .addColumn('disqualification_json', 'text')
      .addColumn('complete', 'integer', (c) => c.notNull().check(sql`complete in (0,1)`))
      .addColumn('total', 'real')
      .addColumn('stars', 'integer')
      .addColumn('result_json', 'text')
      .addColumn('note', 'text')
      .addColumn('updated_by', 'text'),
  ).execute();
  await db.schema.createIndex('ocop_evaluation_product').on('ocop_evaluation').columns(['product_id', 'evaluated_on']).execute();

  await syncable(
    db.schema
      .createTable('ocop_certificate')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('ocop_product.id'))
      .addColumn('evaluation_id', 'text', (c) => c.references('ocop_evaluation.id'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('decision_no', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('expires_on', 'text', (c) => c.notNull())
      .addColumn('stars', 'integer', (c) => c.notNull().check(sql`stars between 3 and 5`))
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('revoked_on', 'text')
      .addColumn('revoked_decision_no', 'text')
      .addColumn('revoked_reason', 'text'),
  ).execute();
  await db.schema.createIndex('ocop_certificate_product').on('ocop_certificate').columns(['product_id', 'issued_on']).execute();
  await db.schema.createIndex('ocop_certificate_expiry').on('ocop_certificate').columns(['expires_on']).execute();

  await syncable(
    db.schema
      .createTable('ocop_dossier_item')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('ocop_product.id'))
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('missing','received','checked')`))
      .addColumn('note', 'text')
      .addColumn('updated_by', 'text'),
  ).execute();
  await db.schema.createIndex('ocop_dossier_item_key').on('ocop_dossier_item').columns(['product_id', 'item_id']).unique().execute();

  await syncable(
    db.schema
      .createTable('ocop_dossier_file')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('ocop_product.id'))
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull().references('attachment.sha256'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text'),
  ).execute();
  await db.schema.createIndex('ocop_dossier_file_product').on('ocop_dossier_file').columns(['product_id', 'item_id']).execute();
}
