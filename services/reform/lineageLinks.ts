import type { Kysely } from 'kysely';
import type { ReformCandidate } from '../../core/contract/reform';
import type { Database } from '../../db/schema';
import { rowToUnit } from '../../db/units';

/** An old unit's name (null when the three-tier list does not have it) and the new units it went into. */
export type OldUnitLinks = { oldCode: string; oldName: string | null; links: (ReformCandidate & { clauseId: string })[] };

/**
 * The lineage of old commune codes, read in two queries: the old unit's name and each new unit it went into with
 * the share and the verbatim resolution clause (unit_lineage, migration 0006).
 */
export async function oldUnitLinks(db: Kysely<Database>, oldCodes: readonly string[]): Promise<Map<string, OldUnitLinks>> {
  const out = new Map<string, OldUnitLinks>();
  const codes = [...new Set(oldCodes)];
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    const names = await db
      .selectFrom('admin_unit')
      .select(['code', 'full_name'])
      .where('level', '=', 'commune')
      .where('era', '=', 'before-2025-07')
      .where('code', 'in', chunk)
      .execute();
    for (const code of chunk) out.set(code, { oldCode: code, oldName: names.find((n) => n.code === code)?.full_name ?? null, links: [] });
    const rows = await db
      .selectFrom('unit_lineage as l')
      .innerJoin('lineage_clause as c', 'c.id', 'l.clause_id')
      .innerJoin('admin_unit as u', (j) => j.onRef('u.code', '=', 'l.new_code').on('u.level', '=', 'commune').on('u.era', '=', 'current'))
      .selectAll('u')
      .select(['l.old_code', 'l.share', 'l.clause_id', 'c.resolution', 'c.text as clause_text'])
      .where('l.old_code', 'in', chunk)
      .orderBy('l.old_code')
      .orderBy('u.code')
      .execute();
    for (const r of rows) {
      out.get(r.old_code)!.links.push({ unit: rowToUnit(r), share: r.share, resolution: r.resolution, clauseText: r.clause_text, clauseId: r.clause_id });
    }
  }
  return out;
}

/** The codes among these that are current commune-level units. */
export async function currentCommuneCodes(db: Kysely<Database>, codes: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('admin_unit')
      .select('code')
      .where('level', '=', 'commune')
      .where('era', '=', 'current')
      .where('code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.code);
  }
  return out;
}
