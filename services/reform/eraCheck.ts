import type { Kysely } from 'kysely';
import type { UnitEra } from '../../core/contract/domain';
import { AppError } from '../../core/errors';
import { checkUnitEraForDate, unitEraFitsDate } from '../../core/reform/unitEraForDate';
import type { Database } from '../../db/schema';
import { oldUnitLinks } from './lineageLinks';

/**
 * Refuses a record dated when its unit did not exist (UNIT_ERA_MISMATCH, core/reform/unitEraForDate.ts); for an old
 * unit the message names the new units that took it over.
 */
export async function checkUnitForDate(db: Kysely<Database>, unit: { code: string; fullName: string; era: UnitEra }, isoDate: string, what: string): Promise<void> {
  if (unitEraFitsDate(unit.era, isoDate)) return;
  const successors = unit.era === 'before-2025-07' ? ((await oldUnitLinks(db, [unit.code])).get(unit.code)?.links ?? []).map((l) => l.unit) : [];
  checkUnitEraForDate(unit, isoDate, what, successors);
}

/**
 * A commune-level code for a record dated `isoDate`: the unit of the era in force that day. An unknown code is
 * UNIT_NOT_FOUND; a code that exists only in the other era is UNIT_ERA_MISMATCH (with the successors of an old one).
 */
export async function communeForDate(db: Kysely<Database>, code: string, isoDate: string, what: string): Promise<{ code: string; fullName: string; era: UnitEra }> {
  const rows = await db.selectFrom('admin_unit').select(['code', 'full_name', 'era']).where('level', '=', 'commune').where('code', '=', code).execute();
  const units = rows.map((r) => ({ code: r.code, fullName: r.full_name, era: r.era }));
  const fitting = units.find((u) => unitEraFitsDate(u.era, isoDate));
  if (fitting) return fitting;
  if (units.length === 0) throw new AppError('UNIT_NOT_FOUND', `Không có xã/phường mã "${code}" trong danh mục đơn vị hành chính (trước hay sau ngày 01/07/2025).`, { unitCode: code });
  await checkUnitForDate(db, units[0]!, isoDate, what);
  return units[0]!;
}
