import { describe, expect, it } from 'vitest';
import doc from '../../db/reference/ocop/ocop-score-catalog.json';
import { findVersion, loadCatalog } from './loadCatalog';
import { toTenths } from './points';
import { bandFor } from './starBands';

const bands = findVersion(loadCatalog(doc), 'QD26-2026').starBands;
const band = (points: number) => bandFor(bands, { tenths: toTenths(points), denominator: 1 });

describe('star bands, QĐ 26/2026/QĐ-TTg Điều 3 khoản 3', () => {
  it.each([
    [0, 1],
    [29.9, 1],
    [30, 2],
    [49.9, 2],
    [50, 3],
    [69.9, 3],
    [70, 4],
    [89.9, 4],
    [90, 5],
    [100, 5],
  ])('%d points → %d stars', (points, stars) => {
    expect(band(points)).toBe(stars);
  });

  it('compares an average exactly: 209/3 = 69.67 is 3 stars, 210/3 = 70 is 4 stars', () => {
    expect(bandFor(bands, { tenths: 2090, denominator: 3 })).toBe(3);
    expect(bandFor(bands, { tenths: 2100, denominator: 3 })).toBe(4);
    expect(bandFor(bands, { tenths: 2699, denominator: 3 })).toBe(4);
  });

  it('QĐ 148/2023 and QĐ 1048/2019 use the same bands', () => {
    const catalog = loadCatalog(doc);
    for (const id of ['QD148-2023', 'QD1048-2019']) {
      const b = findVersion(catalog, id).starBands;
      expect([29, 30, 49, 50, 69, 70, 89, 90].map((p) => bandFor(b, { tenths: p * 10, denominator: 1 }))).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
    }
  });
});
