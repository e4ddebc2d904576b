import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OcopDossierFileTable, OcopDossierItemTable } from '../schema';

export type DossierItemRow = Selectable<OcopDossierItemTable>;
export type DossierFileRow = Selectable<OcopDossierFileTable> & { size: number; mime: string };

export async function listDossierItemRows(db: Kysely<Database>, productId: string): Promise<DossierItemRow[]> {
  return db.selectFrom('ocop_dossier_item').selectAll().where('product_id', '=', productId).where('deleted', '=', 0).execute();
}

export async function listDossierFileRows(db: Kysely<Database>, productId: string): Promise<DossierFileRow[]> {
  return db
    .selectFrom('ocop_dossier_file as f')
    .innerJoin('attachment as a', 'a.sha256', 'f.sha256')
    .selectAll('f')
    .select(['a.size', 'a.mime'])
    .where('f.product_id', '=', productId)
    .where('f.deleted', '=', 0)
    .orderBy('f.id')
    .execute();
}

export async function getDossierFileRow(db: Kysely<Database>, id: string): Promise<DossierFileRow | undefined> {
  return db
    .selectFrom('ocop_dossier_file as f')
    .innerJoin('attachment as a', 'a.sha256', 'f.sha256')
    .selectAll('f')
    .select(['a.size', 'a.mime'])
    .where('f.id', '=', id)
    .where('f.deleted', '=', 0)
    .executeTakeFirst();
}

export async function insertDossierFile(db: Kysely<Database>, row: Insertable<OcopDossierFileTable>): Promise<void> {
  await db.insertInto('ocop_dossier_file').values(row).execute();
}

export async function tombstoneDossierFile(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .updateTable('ocop_dossier_file')
    .set((eb) => ({ deleted: 1, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** One state row per product and checklist item: inserted the first time, then updated (its version bumped). */
export async function upsertDossierItem(db: Kysely<Database>, row: Insertable<OcopDossierItemTable> & { id: string }): Promise<void> {
  await db
    .insertInto('ocop_dossier_item')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['product_id', 'item_id']).doUpdateSet((eb) => ({
        state: row.state,
        note: row.note ?? null,
        updated_by: row.updated_by ?? null,
        updated_at: row.updated_at,
        deleted: 0,
        version: eb('ocop_dossier_item.version', '+', 1),
      })),
    )
    .execute();
}
