import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, OcopEvaluationTable } from '../schema';

export type EvaluationRow = Selectable<OcopEvaluationTable>;

export async function listEvaluationRows(db: Kysely<Database>, productId?: string): Promise<EvaluationRow[]> {
  let q = db.selectFrom('ocop_evaluation').selectAll().where('deleted', '=', 0);
  if (productId) q = q.where('product_id', '=', productId);
  return q.orderBy('evaluated_on', 'desc').orderBy('id', 'desc').execute();
}

export async function getEvaluationRow(db: Kysely<Database>, id: string): Promise<EvaluationRow | undefined> {
  return db.selectFrom('ocop_evaluation').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
}

export async function insertEvaluation(db: Kysely<Database>, row: Insertable<OcopEvaluationTable>): Promise<void> {
  await db.insertInto('ocop_evaluation').values(row).execute();
}

export async function updateEvaluation(
  db: Kysely<Database>,
  id: string,
  patch: Omit<Updateable<OcopEvaluationTable>, 'id' | 'version' | 'office_code' | 'product_id'>,
): Promise<void> {
  await db
    .updateTable('ocop_evaluation')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
