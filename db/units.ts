import type { Kysely } from 'kysely';
import type { AdminUnit, UnitEra, UnitLevel } from '../core/contract/domain';
import { currentUnitsViaPredecessors } from './lineage';
import { foldVietnamese } from '../core/text/vietnamese';
import { REFERENCE_UNITS_VERSION, referenceUnitRows } from './reference/admin-units/index';
import { lineageRows, REFERENCE_LINEAGE_VERSION } from './reference/admin-units/lineage';
import lineageDocument from './reference/admin-units/vn-units-2025-07-lineage.json';
import type { AdminUnitTable, Database } from './schema';
import { getSetting, setSetting } from './settings';

export function rowToUnit(row: AdminUnitTable): AdminUnit {
  return {
    code: row.code,
    level: row.level,
    era: row.era,
    name: row.name,
    fullName: row.full_name,
    unitType: row.unit_type,
    provinceCode: row.province_code,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/**
 * Loads the shipped unit lists into the database when they are missing or older than the shipped version.
 * Rows referenced by an office stay (upsert, never delete), so a reference update cannot break a profile.
 * Runs in one transaction.
 */
export async function syncReferenceUnits(db: Kysely<Database>): Promise<boolean> {
  const unitsChanged = await syncUnitRows(db);
  const lineageChanged = (await getSetting(db, 'reference_lineage_version')) !== REFERENCE_LINEAGE_VERSION;
  if (lineageChanged) await loadLineage(db, lineageDocument, REFERENCE_LINEAGE_VERSION);
  return unitsChanged || lineageChanged;
}

/**
 * Replaces the lineage with a document's, after checking every link against the unit lists; all in one
 * transaction, so a bad file leaves the previous lineage in place.
 */
export async function loadLineage(db: Kysely<Database>, doc: unknown, version: string): Promise<{ links: number }> {
  const codes = async (level: 'commune' | 'province', era: 'current' | 'before-2025-07') =>
    new Set((await db.selectFrom('admin_unit').select('code').where('level', '=', level).where('era', '=', era).execute()).map((r) => r.code));
  const rows = lineageRows(doc, await codes('commune', 'current'), await codes('commune', 'before-2025-07'), await codes('province', 'current'), await codes('province', 'before-2025-07'));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('unit_lineage').execute();
    await trx.deleteFrom('province_lineage').execute();
    await trx.deleteFrom('lineage_clause').execute();
    for (let i = 0; i < rows.clauses.length; i += 500) await trx.insertInto('lineage_clause').values(rows.clauses.slice(i, i + 500)).execute();
    for (let i = 0; i < rows.links.length; i += 500) await trx.insertInto('unit_lineage').values(rows.links.slice(i, i + 500)).execute();
    await trx.insertInto('province_lineage').values(rows.provinces).execute();
    await setSetting(trx, 'reference_lineage_version', version);
  });
  return { links: rows.links.length };
}

async function syncUnitRows(db: Kysely<Database>): Promise<boolean> {
  if ((await getSetting(db, 'reference_units_version')) === REFERENCE_UNITS_VERSION) return false;
  const rows = referenceUnitRows();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('admin_unit')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            full_name: eb.ref('excluded.full_name'),
            unit_type: eb.ref('excluded.unit_type'),
            province_code: eb.ref('excluded.province_code'),
            parent_code: eb.ref('excluded.parent_code'),
            region_id: eb.ref('excluded.region_id'),
            valid_from: eb.ref('excluded.valid_from'),
            valid_to: eb.ref('excluded.valid_to'),
            search_key: eb.ref('excluded.search_key'),
          })),
        )
        .execute();
    }
    await setSetting(trx, 'reference_units_version', REFERENCE_UNITS_VERSION);
  });
  return true;
}

export type UnitSearch = { query: string; level?: UnitLevel; era?: UnitEra; provinceCode?: string; limit: number };

/** Name or code search ignoring diacritics and case; full-name prefix matches first, then by name. */
export async function searchUnits(db: Kysely<Database>, search: UnitSearch): Promise<AdminUnit[]> {
  const needle = foldVietnamese(search.query).replace(/[%_\\]/g, (m) => `\\${m}`);
  let q = db.selectFrom('admin_unit').selectAll();
  if (needle !== '') q = q.where((eb) => eb('search_key', 'like', eb.val(`%${needle}%`)));
  if (search.level) q = q.where('level', '=', search.level);
  if (search.era) q = q.where('era', '=', search.era);
  if (search.provinceCode) q = q.where('province_code', '=', search.provinceCode);
  const rows = await q.orderBy('era', 'desc').orderBy('level').orderBy('code').limit(2000).execute();
  const ranked = rows
    .map((r) => ({ unit: rowToUnit(r) as AdminUnit, rank: rankOf(r, needle) }))
    .sort((a, b) => a.rank - b.rank || (a.unit.era === b.unit.era ? 0 : a.unit.era === 'current' ? -1 : 1) || a.unit.code.localeCompare(b.unit.code));
  // A current commune is also found by an old name it took over ("Nậm Càn" finds Xã Na Ngoi, marked as such).
  if (needle !== '' && search.era === 'current' && (search.level === undefined || search.level === 'commune')) {
    let old = db.selectFrom('admin_unit').select(['code', 'full_name', 'search_key', 'name']).where('level', '=', 'commune').where('era', '=', 'before-2025-07');
    old = old.where((eb) => eb('search_key', 'like', eb.val(`%${needle}%`)));
    if (search.provinceCode) old = old.where('province_code', 'in', db.selectFrom('province_lineage').select('old_code').where('new_code', '=', search.provinceCode));
    const oldRows = await old.limit(200).execute();
    const present = new Set(ranked.map((r) => r.unit.code));
    for (const via of await currentUnitsViaPredecessors(db, oldRows)) {
      if (present.has(via.code)) continue;
      if (search.provinceCode && via.provinceCode !== search.provinceCode) continue;
      present.add(via.code);
      const oldName = oldRows.find((o) => o.code === via.matchedVia.code)!.name;
      ranked.push({ unit: via, rank: 4 + rankOf({ name: oldName, code: via.matchedVia.code }, needle) });
    }
    ranked.sort((a, b) => a.rank - b.rank || a.unit.code.localeCompare(b.unit.code));
  }
  return ranked.slice(0, search.limit).map((x) => x.unit);
}

function rankOf(row: Pick<AdminUnitTable, 'name' | 'code'>, needle: string): number {
  if (needle === '') return 0;
  const name = foldVietnamese(row.name);
  if (name === needle || row.code === needle) return 0;
  if (name.startsWith(needle)) return 1;
  if (name.split(' ').some((w) => w.startsWith(needle))) return 2;
  return 3;
}

export async function listUnits(db: Kysely<Database>, level: UnitLevel, era: UnitEra, parentCode?: string): Promise<AdminUnit[]> {
  let q = db.selectFrom('admin_unit').selectAll().where('level', '=', level).where('era', '=', era);
  if (parentCode) q = q.where('parent_code', '=', parentCode);
  const rows = await q.orderBy('code').execute();
  return rows.map(rowToUnit);
}

export async function getUnitRow(db: Kysely<Database>, level: UnitLevel, era: UnitEra, code: string): Promise<AdminUnitTable | undefined> {
  return db.selectFrom('admin_unit').selectAll().where('level', '=', level).where('era', '=', era).where('code', '=', code).executeTakeFirst();
}

export async function getUnitById(db: Kysely<Database>, id: string): Promise<AdminUnitTable | undefined> {
  return db.selectFrom('admin_unit').selectAll().where('id', '=', id).executeTakeFirst();
}
