import { describe, expect, it } from 'vitest';
import doc from '../../db/reference/ocop/ocop-score-catalog.json';
import { findSheet, findVersion, loadCatalog } from './loadCatalog';

const catalog = loadCatalog(doc);
const qd26 = findVersion(catalog, 'QD26-2026');

describe('shipped sheets add up to the decision', () => {
  it('QĐ 26/2026 is complete: 26 verified sheets, Phần A/B/C = 40/25/35 (Điều 3, khoản 1)', () => {
    expect(qd26.complete).toBe(true);
    expect(qd26.weights).toEqual({ A: 40, B: 25, C: 35 });
    expect(qd26.sheets.map((s) => s.no)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(qd26.sheets.every((s) => s.verified)).toBe(true);
  });

  for (const version of catalog.versions) {
    const checked = version.sheets.filter((s) => s.verified || version.complete);
    it(`${version.id}: every verified sheet (${checked.length}) sums to 100 and to the part weights`, () => {
      for (const sheet of checked) {
        const parts = Object.fromEntries(
          sheet.parts.map((p) => {
            const groups = p.groups.reduce((sum, g) => sum + Math.round(g.max * 10), 0);
            // A criterion's maximum is its best option; sub-criteria share their parent's maximum.
            const criteria = p.groups.flatMap((g) => g.criteria).reduce((sum, c) => sum + c.maxTenths, 0);
            expect(groups, `${sheet.no} ${p.code} groups`).toBe(p.maxTenths);
            expect(criteria, `${sheet.no} ${p.code} criteria`).toBe(p.maxTenths);
            return [p.code, p.maxTenths / 10];
          }),
        );
        expect(parts, `sheet ${sheet.no}`).toEqual(version.weights);
        expect(sheet.maxTenths, `sheet ${sheet.no}`).toBe(1000);
        for (const c of sheet.criteria) {
          if (c.kind === 'options') expect(Math.max(...c.options.map((o) => o.tenths ?? 0)), `${sheet.no} ${c.code}`).toBe(c.maxTenths);
        }
      }
    });
  }

  it('QĐ 148/2023 lists exactly the transcription sheets that do not add up as unverified', () => {
    const qd148 = findVersion(catalog, 'QD148-2023');
    expect(qd148.complete).toBe(false);
    expect(qd148.sheets.filter((s) => !s.verified).map((s) => s.no)).toEqual([3, 7, 11, 12, 13, 17, 18, 26]);
  });

  it('reaching a minimum by points and by position agree on every shipped sheet', () => {
    for (const version of catalog.versions) {
      for (const sheet of version.sheets) {
        for (const c of sheet.criteria) {
          for (const marked of c.options.filter((o) => o.minStars !== null)) {
            for (const o of c.options) {
              if (o.tenths === null || marked.tenths === null) continue;
              expect(o.tenths >= marked.tenths, `${version.id} ${sheet.no} ${c.code} option ${o.number}`).toBe(o.number >= marked.number);
            }
          }
        }
      }
    }
  });

  it('keeps the markers read from the decision text, including the spaced "* * * *" of bộ 3, 5.1', () => {
    const sheet3 = findSheet(qd26, 3).criteria.find((c) => c.code === '5.1')!;
    expect(sheet3.options.map((o) => o.minStars)).toEqual([null, null, null, null, 4]);
    expect(sheet3.options[4].label).not.toMatch(/\*/);
    const sheet1 = findSheet(qd26, 1).criteria.find((c) => c.code === '1.5')!;
    expect(sheet1.options.map((o) => [o.tenths, o.minStars])).toEqual([
      [0, null],
      [10, null],
      [20, 4],
      [30, 5],
    ]);
    expect(qd26.sheets.every((s) => s.criteria.every((c) => c.options.every((o) => !/\*{3}/.test(o.label))))).toBe(true);
  });

  it('carries each sheet\'s exclusion line, bộ 19 included ("Bị loại khi: …"); bộ 26 prints none', () => {
    expect(findSheet(qd26, 1).disqualification).toMatch(/^Giả mạo hồ sơ.*an toàn thực phẩm.*hồ sơ đăng ký/);
    expect(findSheet(qd26, 19).disqualification).toMatch(/Bộ Y tế/);
    expect(findSheet(qd26, 26).disqualification).toBeNull();
  });

  it('treats items printed without options as yes/no (e.g. bộ 1, 2.4 song ngữ = 1 điểm)', () => {
    const yesNo = findSheet(qd26, 1).criteria.filter((c) => c.kind === 'yesno');
    expect(yesNo.map((c) => [c.code, c.max])).toEqual([['2.4', 1]]);
  });
});
