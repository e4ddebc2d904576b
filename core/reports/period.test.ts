import { describe, expect, it } from 'vitest';
import { assessmentQuarterOf, parseReportPeriod, periodEnd, periodStart, previousReportPeriod, reportPeriodLabel, reportPeriodOfDate } from './period';
import { addMonthsIso, formatVnDate, formatVnDelta, formatVnNumber, placeDateLine } from './vnFormat';

describe('report periods', () => {
  it('reads quarters, six months and years, with their dates, labels and the quarter they read', () => {
    const cases = [
      ['2026-Q3', 'quarter', '2026-07-01', '2026-09-30', 'Quý III năm 2026', '2026-Q3', '2026-Q2'],
      ['2026-H1', 'half', '2026-01-01', '2026-06-30', '6 tháng đầu năm 2026', '2026-Q2', '2025-H2'],
      ['2026-H2', 'half', '2026-07-01', '2026-12-31', '6 tháng cuối năm 2026', '2026-Q4', '2026-H1'],
      ['2026', 'year', '2026-01-01', '2026-12-31', 'năm 2026', '2026-Q4', '2025'],
      ['2028-Q1', 'quarter', '2028-01-01', '2028-03-31', 'Quý I năm 2028', '2028-Q1', '2027-Q4'],
    ] as const;
    for (const [id, kind, start, end, label, quarter, previous] of cases) {
      const p = parseReportPeriod(id);
      expect(p.kind).toBe(kind);
      expect([periodStart(p), periodEnd(p), reportPeriodLabel(p), assessmentQuarterOf(p), previousReportPeriod(p).id]).toEqual([start, end, label, quarter, previous]);
    }
    expect(reportPeriodOfDate('half', '2026-09-20').id).toBe('2026-H2');
    expect(() => parseReportPeriod('2026-Q5')).toThrow();
  });
});

describe('Vietnamese formats', () => {
  it('writes numbers with a decimal comma and dots for thousands, without the host locale', () => {
    expect(formatVnNumber(1234.5)).toBe('1.234,5');
    expect(formatVnNumber(3321, 0)).toBe('3.321');
    expect(formatVnNumber(16.666)).toBe('16,7');
    expect(formatVnNumber(18)).toBe('18');
    expect(formatVnNumber(-0.04)).toBe('0');
    expect(formatVnNumber(null)).toBe('—');
    expect(formatVnDelta(5, 7, 0)).toBe('-2');
    expect(formatVnDelta(1234, 0, 0)).toBe('+1.234');
  });

  it('writes dates dd/mm/yyyy and the place-date line of NĐ 30/2020 with its leading zeros', () => {
    expect(formatVnDate('2026-09-20')).toBe('20/09/2026');
    expect(placeDateLine('Na Ngoi', '2026-09-20')).toBe('Na Ngoi, ngày 20 tháng 9 năm 2026');
    expect(placeDateLine('Na Ngoi', '2027-02-05')).toBe('Na Ngoi, ngày 05 tháng 02 năm 2027');
    expect(placeDateLine('Tương Dương', '2026-12-31')).toBe('Tương Dương, ngày 31 tháng 12 năm 2026');
    expect(addMonthsIso('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsIso('2026-09-30', 6)).toBe('2027-03-30');
  });
});
