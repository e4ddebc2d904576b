import { describe, expect, it } from 'vitest';
import { applyMatrixFilter, bandOptions, EMPTY_FILTER, indexRows, type MatrixRow } from './matrixFilter';

function row(unitCode: string, name: string, metCount: number, extra: Partial<MatrixRow> = {}): MatrixRow {
  return { unitCode, name, level: null, statuses: '', metCount, band: null, atRisk: false, assessmentStatus: 'draft', ...extra };
}

const rows = indexRows([
  row('16873', 'Xã Nậm Càn', 4, { atRisk: true, band: 'Dưới 5 tiêu chí', assessmentStatus: 'locked' }),
  row('16837', 'Xã Nậm Cắn', 12, { band: 'Đạt 10–14 tiêu chí' }),
  row('16876', 'Thị trấn Mường Xén', 0, { assessmentStatus: null, band: 'Dưới 5 tiêu chí' }),
  row('16840', 'Xã Bảo Nam', 19, { band: 'Đạt đủ 19/19 tiêu chí' }),
]);

describe('matrix filter', () => {
  it('searches without diacritics, by name or code', () => {
    expect(applyMatrixFilter(rows, { ...EMPTY_FILTER, query: 'nam can' }).map((r) => r.unitCode)).toEqual(['16873', '16837']);
    expect(applyMatrixFilter(rows, { ...EMPTY_FILTER, query: 'NẬM CẮN' }).map((r) => r.unitCode)).toEqual(['16873', '16837']);
    expect(applyMatrixFilter(rows, { ...EMPTY_FILTER, query: '16876' }).map((r) => r.name)).toEqual(['Thị trấn Mường Xén']);
  });

  it('sorts by the commune name without its unit type, and by criteria met with unassessed communes last', () => {
    expect(applyMatrixFilter(rows, EMPTY_FILTER).map((r) => r.name)).toEqual(['Xã Bảo Nam', 'Thị trấn Mường Xén', 'Xã Nậm Càn', 'Xã Nậm Cắn']);
    expect(applyMatrixFilter(rows, { ...EMPTY_FILTER, sort: 'met-desc' }).map((r) => r.metCount)).toEqual([19, 12, 4, 0]);
    expect(applyMatrixFilter(rows, { ...EMPTY_FILTER, sort: 'met-asc' }).map((r) => r.unitCode)).toEqual(['16873', '16837', '16840', '16876']);
  });

  it('filters by band (assessed communes only), risk and assessment status', () => {
    expect(applyMatrixFilter(rows, { ...EMPTY_FILTER, band: 'Dưới 5 tiêu chí' }).map((r) => r.unitCode)).toEqual(['16873']);
    expect(applyMatrixFilter(rows, { ...EMPTY_FILTER, atRiskOnly: true }).map((r) => r.unitCode)).toEqual(['16873']);
    expect(applyMatrixFilter(rows, { ...EMPTY_FILTER, assessment: 'none' }).map((r) => r.unitCode)).toEqual(['16876']);
    expect(applyMatrixFilter(rows, { ...EMPTY_FILTER, assessment: 'locked' }).map((r) => r.unitCode)).toEqual(['16873']);
  });

  it('offers the bands present, fullest first', () => {
    expect(bandOptions(rows)).toEqual(['Đạt đủ 19/19 tiêu chí', 'Đạt 10–14 tiêu chí', 'Dưới 5 tiêu chí']);
  });
});
