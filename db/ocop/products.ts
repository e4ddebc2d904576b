import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, OcopProductEventTable, OcopProductTable } from '../schema';

export type ProductRow = Selectable<OcopProductTable>;
export type ProductEventRow = Selectable<OcopProductEventTable>;

export async function listProductRows(db: Kysely<Database>, filter: { status?: string; producerId?: string } = {}): Promise<ProductRow[]> {
  let q = db.selectFrom('ocop_product').selectAll().where('deleted', '=', 0);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.producerId) q = q.where('producer_id', '=', filter.producerId);
  return q.orderBy('updated_at', 'desc').execute();
}

export async function getProductRow(db: Kysely<Database>, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('ocop_product').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
}

/** The commune's next product number (STT of the code, "do xã lập thống kê"), counting deleted rows too so a number is never reused. */
export async function nextProductSequence(db: Kysely<Database>, unitCode: string): Promise<number> {
  const row = await db
    .selectFrom('ocop_product')
    .select((eb) => eb.fn.max('sequence').as('max'))
    .where('unit_code', '=', unitCode)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertProduct(db: Kysely<Database>, row: Insertable<OcopProductTable>): Promise<void> {
  await db.insertInto('ocop_product').values(row).execute();
}

export async function updateProduct(
  db: Kysely<Database>,
  id: string,
  patch: Omit<Updateable<OcopProductTable>, 'id' | 'version' | 'office_code'>,
): Promise<void> {
  await db
    .updateTable('ocop_product')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function insertProductEvent(db: Kysely<Database>, row: Insertable<OcopProductEventTable>): Promise<void> {
  await db.insertInto('ocop_product_event').values(row).execute();
}

export async function listProductEvents(db: Kysely<Database>, productId: string): Promise<ProductEventRow[]> {
  return db
    .selectFrom('ocop_product_event')
    .selectAll()
    .where('product_id', '=', productId)
    .where('deleted', '=', 0)
    .orderBy('on_date')
    // Insertion order within a day (ids made in the same millisecond do not sort by time).
    .orderBy(sql`rowid`)
    .execute();
}
