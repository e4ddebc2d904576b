import { describe, expect, it } from 'vitest';
import { formatDate, formatDelta, formatNumber, parseVietnameseDate } from './format';
import { ntmHash, parseNtmHash } from './ntmRoute';

describe('NTM sub-routes', () => {
  it('reads and writes the hash, with the current quarter as the default', () => {
    expect(parseNtmHash('#/ntm', '2026-Q4')).toEqual({ kind: 'matrix', period: '2026-Q4' });
    expect(parseNtmHash('#/ntm/commune/16873/2025-Q2', '2026-Q4')).toEqual({ kind: 'commune', unitCode: '16873', period: '2025-Q2' });
    expect(parseNtmHash('#/ntm/criterion/10/2025-Q2', '2026-Q4')).toEqual({ kind: 'criterion', no: 10, period: '2025-Q2' });
    expect(parseNtmHash('#/ntm/commune/abc/2025-Q2', '2026-Q4')).toEqual({ kind: 'matrix', period: '2026-Q4' });
    expect(parseNtmHash('#/ntm/overview/2025-Q5', '2026-Q4')).toEqual({ kind: 'overview', period: '2026-Q4' });
    for (const v of [parseNtmHash('#/ntm/commune/16873/2025-Q2', 'x'), parseNtmHash('#/ntm/criterion/3/2024-Q1', 'x')]) expect(parseNtmHash(ntmHash(v), 'x')).toEqual(v);
  });
});

describe('Vietnamese formats', () => {
  it('writes numbers with a decimal comma and dates as dd/mm/yyyy', () => {
    expect(formatNumber(97.5)).toBe('97,5');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatDelta(13.5, 12)).toBe('+1,5');
    expect(formatDelta(10, 12)).toBe('−2');
    expect(formatDate('2020-12-15')).toBe('15/12/2020');
    expect(parseVietnameseDate('15/12/2020')).toBe('2020-12-15');
    expect(parseVietnameseDate('31/02/2020')).toBeNull();
  });
});
