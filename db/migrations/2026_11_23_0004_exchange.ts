import { sql, type Kysely } from 'kysely';

/**
 * Frozen: exchange of signed, encrypted bundles between offices and the province (core/bundle/FORMAT.md).
 *
 * - exchange_key: this office's own key pairs. The private half is stored sealed only (OS key store or an
 *   age passphrase file, services/bundle/keys.ts sealSecret); a retired key stays so older bundles still open.
 * - exchange_peer: the other side's public keys: at a province, each office's signing key; at an office, the
 *   province's age recipient.
 * - exchange_export, exchange_export_item, exchange_acked: what this office sent, and what the province
 *   acknowledged (the base of an incremental export), by record id and version rather than by clock.
 * - exchange_import_log: every bundle a province tried to import, accepted or refused; the accepted
 *   (office, sequence) pairs are the replay guard.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exchange_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('signing','encryption')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','retired')`))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('protection', 'text', (c) => c.notNull().check(sql`protection in ('passphrase','os')`))
    .addColumn('sealed_secret', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createIndex('exchange_key_one_active')
    .on('exchange_key')
    .column('kind')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();

  await db.schema
    .createTable('exchange_peer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('office_signing','province_recipient')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','retired')`))
    .addColumn('office_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createIndex('exchange_peer_one_active')
    .on('exchange_peer')
    .columns(['kind', 'office_code'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema
    .createIndex('exchange_peer_key_once')
    .on('exchange_peer')
    .column('public_key')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();

  await db.schema
    .createTable('exchange_export')
    .addColumn('sequence', 'integer', (c) => c.primaryKey())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('full','incremental')`))
    .addColumn('office_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .addColumn('periods_json', 'text', (c) => c.notNull())
    .addColumn('attachment_count', 'integer', (c) => c.notNull())
    .addColumn('base_sequence', 'integer')
    .addColumn('recipient_fingerprint', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('staff_name', 'text')
    .execute();

  await db.schema
    .createTable('exchange_export_item')
    .addColumn('sequence', 'integer', (c) => c.notNull().references('exchange_export.sequence'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_export_item_pk', ['sequence', 'record_type', 'record_id'])
    .execute();

  await db.schema
    .createTable('exchange_acked')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_acked_pk', ['record_type', 'record_id'])
    .execute();

  await db.schema
    .createTable('exchange_import_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('imported','rejected')`))
    .addColumn('office_code', 'text')
    .addColumn('sequence', 'integer')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    .addColumn('bundle_created_at', 'text')
    .addColumn('signer_fingerprint', 'text')
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .addColumn('warnings_json', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('message', 'text')
    .addColumn('staff_name', 'text')
    .execute();
  // The replay guard at the database level: one accepted import per office and sequence.
  await db.schema
    .createIndex('exchange_import_log_accepted')
    .on('exchange_import_log')
    .columns(['office_code', 'sequence'])
    .unique()
    .where(sql.ref('status'), '=', 'imported')
    .execute();
}
