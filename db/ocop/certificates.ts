import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, OcopCertificateTable } from '../schema';

export type CertificateRow = Selectable<OcopCertificateTable>;

export async function listCertificateRows(db: Kysely<Database>, productId?: string): Promise<CertificateRow[]> {
  let q = db.selectFrom('ocop_certificate').selectAll().where('deleted', '=', 0);
  if (productId) q = q.where('product_id', '=', productId);
  return q.orderBy('issued_on', 'desc').orderBy('id', 'desc').execute();
}

export async function getCertificateRow(db: Kysely<Database>, id: string): Promise<CertificateRow | undefined> {
  return db.selectFrom('ocop_certificate').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
}

export async function insertCertificate(db: Kysely<Database>, row: Insertable<OcopCertificateTable>): Promise<void> {
  await db.insertInto('ocop_certificate').values(row).execute();
}

export async function updateCertificate(
  db: Kysely<Database>,
  id: string,
  patch: Omit<Updateable<OcopCertificateTable>, 'id' | 'version' | 'office_code' | 'product_id'>,
): Promise<void> {
  await db
    .updateTable('ocop_certificate')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
