import { AppError } from '../../../core/errors';
import type { LineageClauseTable, ProvinceLineageTable, UnitLineageTable } from '../../schema';

/**
 * The lineage file (vn-units-2025-07-lineage.json, MIT: LICENSE-dvhcvn-20250701): for each old commune-level
 * unit, the new unit(s) that took over all (`full`) or part (`partial`) of it, citing the clause of the
 * resolution (NQ 1654–1687/NQ-UBTVQH15) verbatim; for each new province the old provinces merged into it
 * (NQ 202/2025/QH15). Its `_meta` records how it was made and the two code corrections applied.
 */
export const REFERENCE_LINEAGE_VERSION = 'dvhcvn-20250701+2-corrections';

type LineageDocument = {
  provinces: { new: string; old: string[] }[];
  clauses: Record<string, { resolution: string; title: string; text: string }>;
  lineage: { old: string; province: string; new: { code: string; share: 'full' | 'partial'; clause: string; confidence?: string }[] }[];
};

export type LineageRows = { clauses: LineageClauseTable[]; links: UnitLineageTable[]; provinces: ProvinceLineageTable[] };

/**
 * Checks a lineage document against the unit lists and turns it into rows. Every link must point to a new
 * unit that exists and cite a clause that exists; a problem anywhere refuses the whole file (nothing loaded).
 * Old units missing from the 1 March 2025 list are kept, flagged (12 were already merged by NQ 1365/NQ-UBTVQH15).
 */
export function lineageRows(doc: unknown, newCommunes: ReadonlySet<string>, oldCommunes: ReadonlySet<string>, newProvinces: ReadonlySet<string>, oldProvinces: ReadonlySet<string>): LineageRows {
  const d = doc as Partial<LineageDocument>;
  const problems: string[] = [];
  if (!d || typeof d !== 'object' || !Array.isArray(d.lineage) || !Array.isArray(d.provinces) || typeof d.clauses !== 'object' || d.clauses === null) {
    throw new AppError('LINEAGE_INVALID', 'Tệp phả hệ đơn vị hành chính không đúng cấu trúc (cần provinces, clauses, lineage).');
  }
  const clauses: LineageClauseTable[] = Object.entries(d.clauses).map(([id, c]) => ({ id, resolution: c.resolution, title: c.title.normalize('NFC'), text: c.text.normalize('NFC') }));
  const clauseIds = new Set(clauses.map((c) => c.id));
  const links: UnitLineageTable[] = [];
  for (const entry of d.lineage) {
    for (const n of entry.new) {
      if (!newCommunes.has(n.code)) problems.push(`${entry.old} → ${n.code}: không có đơn vị mới mã ${n.code}`);
      if (!clauseIds.has(n.clause)) problems.push(`${entry.old} → ${n.code}: không có điều khoản ${n.clause}`);
      if (n.share !== 'full' && n.share !== 'partial') problems.push(`${entry.old} → ${n.code}: kiểu sáp nhập "${String(n.share)}" không hợp lệ`);
      links.push({ old_code: entry.old, new_code: n.code, province_code: entry.province, share: n.share, clause_id: n.clause, confidence: n.confidence ?? null, old_known: oldCommunes.has(entry.old) ? 1 : 0 });
    }
  }
  const provinces: ProvinceLineageTable[] = [];
  for (const p of d.provinces) {
    if (!newProvinces.has(p.new)) problems.push(`tỉnh mới ${p.new} không tồn tại`);
    for (const old of p.old) {
      if (!oldProvinces.has(old)) problems.push(`tỉnh cũ ${old} không tồn tại`);
      provinces.push({ new_code: p.new, old_code: old });
    }
  }
  if (problems.length > 0) {
    throw new AppError(
      'LINEAGE_INVALID',
      `Tệp phả hệ đơn vị hành chính có ${problems.length} liên kết không hợp lệ, không nạp gì: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
      { problems },
    );
  }
  return { clauses, links, provinces };
}
