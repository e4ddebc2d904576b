import { describe, expect, it } from 'vitest';
import { splitPeriodAtReform } from './periodSplit';
import { checkUnitEraForDate, unitEraFitsDate } from './unitEraForDate';

describe('report periods cut at 1 July 2025', () => {
  it('counts 2025 in two halves: January–June on old units (Q2 figures), July–December on new units (Q4 figures), and says so', () => {
    const split = splitPeriodAtReform('2025');
    expect(split.spansReform).toBe(true);
    expect(split.segments).toEqual([
      { from: '2025-01-01', to: '2025-06-30', era: 'before-2025-07', quarters: ['2025-Q1', '2025-Q2'], assessmentQuarter: '2025-Q2' },
      { from: '2025-07-01', to: '2025-12-31', era: 'current', quarters: ['2025-Q3', '2025-Q4'], assessmentQuarter: '2025-Q4' },
    ]);
    expect(split.note).toContain('01/07/2025');
    expect(split.note).toContain('các xã trước sắp xếp');
    expect(split.note).toContain('các xã mới');
  });

  it('keeps a quarter or half on one side: they never straddle the date', () => {
    expect(splitPeriodAtReform('2025-H1')).toMatchObject({ spansReform: false, note: null, segments: [{ era: 'before-2025-07', to: '2025-06-30' }] });
    expect(splitPeriodAtReform('2025-H2')).toMatchObject({ spansReform: false, segments: [{ era: 'current', from: '2025-07-01' }] });
    expect(splitPeriodAtReform('2025-Q2').segments.map((s) => s.era)).toEqual(['before-2025-07']);
    expect(splitPeriodAtReform('2025-Q3').segments.map((s) => s.era)).toEqual(['current']);
    expect(splitPeriodAtReform('2024').segments).toHaveLength(1);
    expect(splitPeriodAtReform('2026').segments[0]).toMatchObject({ era: 'current', quarters: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] });
  });
});

describe('a unit against the date of a record', () => {
  it('accepts old units until 30 June 2025 and new ones from 1 July 2025', () => {
    expect(unitEraFitsDate('before-2025-07', '2025-06-30')).toBe(true);
    expect(unitEraFitsDate('before-2025-07', '2025-07-01')).toBe(false);
    expect(unitEraFitsDate('current', '2025-07-01')).toBe(true);
    expect(unitEraFitsDate('current', '2024-12-31')).toBe(false);
  });

  it('says which unit took an old one over', () => {
    const old = { code: '16873', fullName: 'Xã Nậm Càn', era: 'before-2025-07' as const };
    expect(() => checkUnitEraForDate(old, '2025-08-01', 'quyết định công nhận', [{ code: '16870', fullName: 'Xã Na Ngoi', era: 'current' }])).toThrow(
      expect.objectContaining({ code: 'UNIT_ERA_MISMATCH', message: expect.stringContaining('Xã Na Ngoi (mã 16870)') }),
    );
    expect(() => checkUnitEraForDate({ code: '16870', fullName: 'Xã Na Ngoi', era: 'current' }, '2024-05-01', 'quyết định công nhận')).toThrow(
      expect.objectContaining({ code: 'UNIT_ERA_MISMATCH', message: expect.stringContaining('01/05/2024') }),
    );
  });
});
