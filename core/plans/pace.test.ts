import { describe, expect, it } from 'vitest';
import { elapsedShare, monthsLeft, paceOf, planPeriodLabel } from './pace';
import { modesFor, targetLabel } from './labels';

describe('pace against a target', () => {
  it('measures the share of the period elapsed, inclusive of both ends', () => {
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-12-31')).toBe(1);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-07-02')).toBeCloseTo(0.5, 2);
  });

  it('is on track while the figure keeps up with the straight line from the baseline, behind otherwise', () => {
    expect(paceOf({ target: 13, achieved: 7, baseline: 0, elapsed: 0.5, ended: false }).status).toBe('on_track');
    expect(paceOf({ target: 13, achieved: 6, baseline: 0, elapsed: 0.5, ended: false })).toEqual({ status: 'behind', expected: 6.5 });
    expect(paceOf({ target: 13, achieved: 13, baseline: 0, elapsed: 0.2, ended: false }).status).toBe('achieved');
    expect(paceOf({ target: 13, achieved: 12, baseline: 0, elapsed: 1, ended: true }).status).toBe('missed');
    // Lũy kế from 10 communes to 20: at half time 15 are expected.
    expect(paceOf({ target: 20, achieved: 14, baseline: 10, elapsed: 0.5, ended: false })).toEqual({ status: 'behind', expected: 15 });
  });

  it('counts whole months left to the end of the target year', () => {
    expect(monthsLeft('2026-11-23', 2026)).toBe(1);
    expect(monthsLeft('2026-11-23', 2027)).toBe(13);
    expect(monthsLeft('2026-11-23', 2025)).toBe(-11);
  });

  it('labels periods and targets as directives write them', () => {
    expect(planPeriodLabel(2026, 2026)).toBe('Năm 2026');
    expect(planPeriodLabel(2021, 2025)).toBe('Giai đoạn 2021–2025');
    expect(targetLabel('xa_ntm', 'new', 13)).toBe('Xã đạt chuẩn NTM — thêm trong kỳ: 13 xã');
    expect(targetLabel('min_criteria', 'level', 15)).toBe('Không còn xã dưới 15 tiêu chí');
    expect(targetLabel('xa_ntm', 'percent', 100)).toBe('Xã đạt chuẩn NTM — % số xã (lũy kế): 100%');
    expect(modesFor('ocop_4')).toEqual(['new', 'cumulative']);
  });
});
