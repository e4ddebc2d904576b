import { sql, type Kysely } from 'kysely';

/**
 * Frozen: re-pointing records across the 1 July 2025 reform.
 * - reform_queue: a record addressed to an old unit that was split (a "partial" lineage link) waits here until a
 *   person picks the new unit among the candidates, or puts it off; nothing is guessed. Local work state, not
 *   synced.
 * - ocop_product.new_product_code: the code in the new format (new province and commune codes, QĐ 19/2025/QĐ-TTg)
 *   that a product gains when it is re-evaluated; product_code stays the code it was certified under.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reform_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull().check(sql`entity in ('ocop_producer','ocop_product')`))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('old_code', 'text', (c) => c.notNull())
    .addColumn('candidates_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','later','resolved')`))
    .addColumn('resolved_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .execute();
  // At most one open item per record; a resolved one may be followed by another if the record is moved back.
  await sql`CREATE UNIQUE INDEX reform_queue_open ON reform_queue (entity, entity_id) WHERE status <> 'resolved'`.execute(db);
  await db.schema.alterTable('ocop_product').addColumn('new_product_code', 'text').execute();
}
