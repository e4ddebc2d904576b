import type { Kysely } from 'kysely';
import type { AdminUnit, LineageLink, UnitLineage } from '../core/contract/domain';
import { AppError } from '../core/errors';
import type { Database } from './schema';
import { rowToUnit } from './units';

async function links(db: Kysely<Database>, direction: 'predecessors' | 'successors', code: string): Promise<LineageLink[]> {
  const joinEra = direction === 'predecessors' ? 'before-2025-07' : 'current';
  const rows = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('lineage_clause as c', 'c.id', 'l.clause_id')
    .innerJoin('admin_unit as u', (j) =>
      j.onRef('u.code', '=', direction === 'predecessors' ? 'l.old_code' : 'l.new_code').on('u.level', '=', 'commune').on('u.era', '=', joinEra),
    )
    .selectAll('u')
    .select(['l.share', 'l.confidence', 'c.resolution', 'c.title as clause_title', 'c.text as clause_text'])
    .where(direction === 'predecessors' ? 'l.new_code' : 'l.old_code', '=', code)
    .orderBy('u.code')
    .execute();
  return rows.map((r) => ({
    unit: rowToUnit(r),
    share: r.share,
    resolution: r.resolution,
    clauseTitle: r.clause_title,
    clauseText: r.clause_text,
    confidence: r.confidence,
  }));
}

/** A unit with its predecessors (current unit) or successors (old unit), each with the clause that says so. */
export async function unitLineage(db: Kysely<Database>, code: string, era?: 'current' | 'before-2025-07'): Promise<UnitLineage> {
  let q = db.selectFrom('admin_unit').selectAll().where('code', '=', code);
  if (era) q = q.where('era', '=', era);
  const candidates = await q.orderBy('era', 'desc').execute();
  const row = candidates.find((r) => r.level === 'commune') ?? candidates[0];
  if (!row) throw new AppError('UNIT_NOT_FOUND', `Không có đơn vị hành chính mã "${code}".`, { code });
  const unit = rowToUnit(row);
  if (unit.level === 'province') {
    const pairs = await db
      .selectFrom('province_lineage')
      .selectAll()
      .where(unit.era === 'current' ? 'new_code' : 'old_code', '=', code)
      .execute();
    const otherCodes = pairs.map((p) => (unit.era === 'current' ? p.old_code : p.new_code));
    const names = otherCodes.length
      ? await db.selectFrom('admin_unit').select(['code', 'full_name']).where('level', '=', 'province').where('era', '=', unit.era === 'current' ? 'before-2025-07' : 'current').where('code', 'in', otherCodes).execute()
      : [];
    return { unit, predecessors: [], successors: [], provinces: names.map((n) => ({ code: n.code, name: n.full_name })) };
  }
  if (unit.level === 'district') return { unit, predecessors: [], successors: [], provinces: [] };
  return {
    unit,
    predecessors: unit.era === 'current' ? await links(db, 'predecessors', code) : [],
    successors: unit.era === 'before-2025-07' ? await links(db, 'successors', code) : [],
    provinces: [],
  };
}

/** Current communes reached through an old commune whose name or code matches (for search). */
export async function currentUnitsViaPredecessors(db: Kysely<Database>, oldMatches: { code: string; full_name: string }[]): Promise<(AdminUnit & { matchedVia: NonNullable<AdminUnit['matchedVia']> })[]> {
  if (oldMatches.length === 0) return [];
  const byOld = new Map(oldMatches.map((m) => [m.code, m]));
  const rows = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('admin_unit as u', (j) => j.onRef('u.code', '=', 'l.new_code').on('u.level', '=', 'commune').on('u.era', '=', 'current'))
    .selectAll('u')
    .select(['l.old_code', 'l.share'])
    .where('l.old_code', 'in', [...byOld.keys()])
    .execute();
  return rows.map((r) => ({ ...rowToUnit(r), matchedVia: { code: r.old_code, fullName: byOld.get(r.old_code)!.full_name, share: r.share } }));
}
