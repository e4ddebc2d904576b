import { describe, expect, it } from 'vitest';
import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION } from './catalogSchema';
import { findSheet, findVersion, loadCatalog } from './loadCatalog';
import { scoreSheet } from './scoreSheet';

/** A made-up sheet with tenth-point options: 69.7 + 0.1 + 0.1 + 0.1 is 69.99999999999999 in floating point. */
function tenthsCatalog() {
  const crit = (code: string, points: number[]) => ({
    code,
    title: `Tiêu chí ${code}`,
    max: Math.max(...points),
    parent: null,
    options: points.map((p, i) => ({ label: `Phương án ${i + 1}`, points: p, minStars: null })),
    notes: [],
    aliases: [],
  });
  const part = (code: 'A' | 'B' | 'C', criteria: ReturnType<typeof crit>[]) => ({
    code,
    title: `Phần ${code}`,
    max: criteria.reduce((s, c) => s + c.max, 0),
    groups: [{ code: code.toLowerCase(), title: 'Nhóm', max: criteria.reduce((s, c) => s + c.max, 0), criteria }],
  });
  return {
    format: CATALOG_FORMAT,
    formatVersion: CATALOG_FORMAT_VERSION,
    currentVersion: 'TEST',
    source: {},
    versions: [
      {
        id: 'TEST',
        decision: 'thử nghiệm',
        status: 'current',
        reliability: 'test',
        complete: false,
        minimumsKnown: true,
        weights: { A: 69.7, B: 0.2, C: 0.1 },
        starBands: [
          { stars: 5, min: 90, maxExclusive: null },
          { stars: 4, min: 70, maxExclusive: 90 },
          { stars: 3, min: 50, maxExclusive: 70 },
          { stars: 2, min: 30, maxExclusive: 50 },
          { stars: 1, min: 0, maxExclusive: 30 },
        ],
        certificateValidityMonths: 36,
        corrections: [],
        gaps: [],
        sheets: [
          {
            no: 1,
            name: 'Thử',
            classification: null,
            disqualification: null,
            verified: false,
            warnings: [],
            parts: [part('A', [crit('1', [0, 69.7])]), part('B', [crit('2', [0, 0.1]), crit('3', [0, 0.1])]), part('C', [crit('4', [0, 0.1])])],
          },
        ],
      },
    ],
  };
}

describe('exact sums', () => {
  it('69.7 + 0.1 + 0.1 + 0.1 is 70, 4 stars, not 69.99999999999999', () => {
    const v = findVersion(loadCatalog(tenthsCatalog()), 'TEST');
    const r = scoreSheet(v, findSheet(v, 1), { '1': 2, '2': 2, '3': 2, '4': 2 });
    expect(69.7 + 0.1 + 0.1 + 0.1).toBeLessThan(70);
    expect(r.total).toBe(70);
    expect(r.parts).toEqual({ A: 69.7, B: 0.2, C: 0.1 });
    expect(r.band).toBe(4);
  });
});
