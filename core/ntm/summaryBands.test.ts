import { describe, expect, it } from 'vitest';
import { bandFor, bandsFor, deriveBands } from './summaryBands';

const bounds = (n: number) => deriveBands(n).map((b) => [b.minMet, b.maxMet]);

describe('summary bands', () => {
  it('gives the reporting bands of the 19-criteria sets: 19; 15–18; 10–14; 5–9; under 5', () => {
    expect(bounds(19)).toEqual([
      [19, 19],
      [15, 18],
      [10, 14],
      [5, 9],
      [0, 4],
    ]);
    expect(deriveBands(19).map((b) => b.label)).toEqual([
      'Đạt đủ 19/19 tiêu chí',
      'Đạt 15–18 tiêu chí',
      'Đạt 10–14 tiêu chí',
      'Đạt 5–9 tiêu chí',
      'Dưới 5 tiêu chí',
    ]);
    expect(deriveBands(19).every((b) => !b.derived)).toBe(true);
  });

  it('scales them by share for the 10 criteria of QĐ 51/2025: 10; 8–9; 6–7; 3–5; under 3', () => {
    expect(bounds(10)).toEqual([
      [10, 10],
      [8, 9],
      [6, 7],
      [3, 5],
      [0, 2],
    ]);
    expect(deriveBands(10).every((b) => b.derived)).toBe(true);
  });

  it('keeps a commune in a band exactly when its share reaches the 19-set share (7/10 = 70% < 15/19 = 78.9%)', () => {
    const spec = { summaryBands: { mode: 'derived' as const }, criteria: new Array(10).fill(null) };
    expect(bandFor(spec, 8)?.rank).toBe(2);
    expect(bandFor(spec, 7)?.rank).toBe(3);
    expect(bandFor(spec, 2)?.label).toBe('Dưới 3 tiêu chí');
  });

  it('drops bands that become empty for very small sets, and has none when the catalog says none', () => {
    // 4 criteria: ⌈60/19⌉ = 4 equals the top band, so the "15–18" band is empty and dropped.
    expect(bounds(4)).toEqual([
      [4, 4],
      [3, 3],
      [2, 2],
      [0, 1],
    ]);
    expect(bounds(2)).toEqual([
      [2, 2],
      [1, 1],
      [0, 0],
    ]);
    expect(bandsFor({ summaryBands: { mode: 'none' }, criteria: [] })).toEqual([]);
  });
});
