import type { Kysely } from 'kysely';
import type { ReformEntity } from '../../core/contract/reform';
import type { Database } from '../../db/schema';

/** A record with an address unit, as re-pointing needs it. */
export type AddressedRecord = { entity: ReformEntity; id: string; label: string; officeCode: string; unitCode: string };

/**
 * Every live record whose address unit is not a current commune-level unit: OCOP producers and products (the only
 * tables that address a unit by a bare code; NTM rows point at an era-stamped admin_unit id and are history that
 * is never rewritten). A code that names a current unit is taken as current: 3,315 of the 3,321 new codes were
 * already codes before the reform, and the services have saved only current codes since (ocop/producers.ts).
 */
export async function recordsOffCurrentMap(db: Kysely<Database>): Promise<AddressedRecord[]> {
  const current = db.selectFrom('admin_unit').select('code').where('level', '=', 'commune').where('era', '=', 'current');
  const producers = await db
    .selectFrom('ocop_producer')
    .select(['id', 'name', 'office_code', 'unit_code'])
    .where('deleted', '=', 0)
    .where('unit_code', 'not in', current)
    .orderBy('name')
    .execute();
  const products = await db
    .selectFrom('ocop_product')
    .select(['id', 'name', 'product_code', 'office_code', 'unit_code'])
    .where('deleted', '=', 0)
    .where('unit_code', 'not in', current)
    .orderBy('name')
    .execute();
  return [
    ...producers.map((p) => ({ entity: 'ocop_producer' as const, id: p.id, label: p.name, officeCode: p.office_code, unitCode: p.unit_code })),
    ...products.map((p) => ({ entity: 'ocop_product' as const, id: p.id, label: `${p.name} (${p.product_code})`, officeCode: p.office_code, unitCode: p.unit_code })),
  ];
}

/** The record's current address unit, or undefined when it is gone (deleted). */
export async function addressOf(db: Kysely<Database>, entity: ReformEntity, id: string): Promise<{ unitCode: string; label: string } | undefined> {
  switch (entity) {
    case 'ocop_producer': {
      const r = await db.selectFrom('ocop_producer').select(['unit_code', 'name']).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
      return r && { unitCode: r.unit_code, label: r.name };
    }
    case 'ocop_product': {
      const r = await db.selectFrom('ocop_product').select(['unit_code', 'name', 'product_code']).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
      return r && { unitCode: r.unit_code, label: `${r.name} (${r.product_code})` };
    }
    default: {
      const never: never = entity;
      return never;
    }
  }
}

/**
 * Moves a record to a new address unit. The office's own record is a change it will send (version + 1,
 * updated_at); another office's record (merged from its bundle) changes only here, version untouched, so that
 * office's next version still replaces it and the import re-applies the choice (services/exchange/unitCodes.ts).
 * The product code is not touched.
 */
export async function setAddressUnit(trx: Kysely<Database>, entity: ReformEntity, id: string, unitCode: string, at: string, own = true): Promise<void> {
  switch (entity) {
    case 'ocop_producer':
      await trx
        .updateTable('ocop_producer')
        .set((eb) => (own ? { unit_code: unitCode, updated_at: at, version: eb('version', '+', 1) } : { unit_code: unitCode }))
        .where('id', '=', id)
        .execute();
      return;
    case 'ocop_product':
      await trx
        .updateTable('ocop_product')
        .set((eb) => (own ? { unit_code: unitCode, updated_at: at, version: eb('version', '+', 1) } : { unit_code: unitCode }))
        .where('id', '=', id)
        .execute();
      return;
    default: {
      const never: never = entity;
      return never;
    }
  }
}
