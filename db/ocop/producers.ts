import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, OcopProducerTable } from '../schema';

export type ProducerRow = Selectable<OcopProducerTable>;

export async function listProducerRows(db: Kysely<Database>): Promise<ProducerRow[]> {
  return db.selectFrom('ocop_producer').selectAll().where('deleted', '=', 0).orderBy('name').execute();
}

export async function getProducerRow(db: Kysely<Database>, id: string): Promise<ProducerRow | undefined> {
  return db.selectFrom('ocop_producer').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
}

export async function insertProducer(db: Kysely<Database>, row: Insertable<OcopProducerTable>): Promise<void> {
  await db.insertInto('ocop_producer').values(row).execute();
}

/** Bumps the sync version with every change (ARCHITECTURE.md: records owned by an office, merged by version). */
export async function updateProducer(
  db: Kysely<Database>,
  id: string,
  patch: Omit<Updateable<OcopProducerTable>, 'id' | 'version' | 'office_code'>,
): Promise<void> {
  await db
    .updateTable('ocop_producer')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function countProductsByProducer(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('ocop_product')
    .select(['producer_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted', '=', 0)
    .groupBy('producer_id')
    .execute();
  return new Map(rows.map((r) => [r.producer_id, Number(r.n)]));
}
