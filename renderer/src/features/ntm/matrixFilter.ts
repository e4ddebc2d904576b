import type { NtmMatrix } from '../../../../core/contract/index';
import { compareVietnamese, foldVietnamese } from '../../../../core/text/vietnamese';

export type MatrixRow = NtmMatrix['rows'][number];
export type AssessmentFilter = 'all' | 'none' | 'draft' | 'submitted' | 'locked';
export type MatrixSort = 'name' | 'met-desc' | 'met-asc';

export type MatrixFilter = {
  query: string;
  band: string | null;
  atRiskOnly: boolean;
  assessment: AssessmentFilter;
  sort: MatrixSort;
};

export const EMPTY_FILTER: MatrixFilter = { query: '', band: null, atRiskOnly: false, assessment: 'all', sort: 'name' };

/**
 * Rows with their search key folded once (a province has 3,321 communes; typing must not refold them) and a
 * sort name without the unit type, so "Thị trấn Mường Xén" sorts under M among the "Xã …".
 */
export type IndexedRow = MatrixRow & { key: string; sortName: string };

const UNIT_TYPE = /^(Xã|Phường|Thị trấn|Đặc khu)\s+/u;

/** "Thị trấn Mường Xén" → "Mường Xén": communes sort by their own name, not by unit type. */
export function communeSortName(fullName: string): string {
  return fullName.normalize('NFC').replace(UNIT_TYPE, '');
}

export function indexRows(rows: MatrixRow[]): IndexedRow[] {
  return rows.map((r) => ({ ...r, key: `${foldVietnamese(r.name)} ${r.unitCode}`, sortName: communeSortName(r.name) }));
}

/** Criteria met, with communes not assessed after every assessed one in both directions. */
function rank(r: MatrixRow): number {
  return r.assessmentStatus === null ? -1 : r.metCount;
}

export function applyMatrixFilter(rows: IndexedRow[], f: MatrixFilter): IndexedRow[] {
  const needle = foldVietnamese(f.query);
  const out = rows.filter(
    (r) =>
      (needle === '' || r.key.includes(needle)) &&
      (f.band === null || (r.assessmentStatus !== null && r.band === f.band)) &&
      (!f.atRiskOnly || r.atRisk) &&
      (f.assessment === 'all' || (f.assessment === 'none' ? r.assessmentStatus === null : r.assessmentStatus === f.assessment)),
  );
  switch (f.sort) {
    case 'name':
      return out.sort((a, b) => compareVietnamese(a.sortName, b.sortName));
    case 'met-desc':
      return out.sort((a, b) => rank(b) - rank(a) || compareVietnamese(a.sortName, b.sortName));
    case 'met-asc':
      return out.sort((a, b) => (a.assessmentStatus === null ? 1 : 0) - (b.assessmentStatus === null ? 1 : 0) || rank(a) - rank(b) || compareVietnamese(a.sortName, b.sortName));
    default: {
      const never: never = f.sort;
      return never;
    }
  }
}

/** Bands present among assessed communes, the fullest first (labels come from the service). */
export function bandOptions(rows: MatrixRow[]): string[] {
  const best = new Map<string, number>();
  for (const r of rows) if (r.band !== null && r.assessmentStatus !== null) best.set(r.band, Math.max(best.get(r.band) ?? 0, r.metCount));
  return [...best.entries()].sort((a, b) => b[1] - a[1]).map(([label]) => label);
}
