import { describe, expect, it } from 'vitest';
import doc from '../../db/reference/ocop/ocop-score-catalog.json';
import type { OcopAnswers } from './answers';
import { scoreCouncil } from './councilScore';
import { parseDisqualification } from './disqualification';
import { bestAnswers } from './extremeAnswers';
import { findSheet, findVersion, loadCatalog } from './loadCatalog';
import { pointsText } from './points';

const qd26 = findVersion(loadCatalog(doc), 'QD26-2026');
const sheet1 = findSheet(qd26, 1);
/** Bộ 1 answers with the given total, lowering only criteria that carry no minimum (so stars = band). */
function at(total: number): OcopAnswers {
  const answers = bestAnswers(sheet1);
  let toRemove = (100 - total) * 10;
  for (const c of sheet1.criteria) {
    if (c.kind === 'yesno' || c.options.some((o) => o.minStars !== null)) continue;
    const fits = c.options.filter((o) => c.maxTenths - (o.tenths ?? 0) <= toRemove);
    const lowest = fits.reduce((a, b) => ((b.tenths ?? 0) < (a.tenths ?? 0) ? b : a));
    answers[c.code] = lowest.number;
    toRemove -= c.maxTenths - (lowest.tenths ?? 0);
  }
  if (toRemove !== 0) throw new Error(`cannot reach ${total}`);
  return answers;
}

describe('scoreCouncil: "tổng điểm trung bình", QĐ 26/2026/QĐ-TTg Điều 3 khoản 3', () => {
  it('averages the members\' totals: 69 and 71 → 70, 4 stars', () => {
    const r = scoreCouncil(qd26, sheet1, [{ name: 'A', answers: at(69) }, { name: 'B', answers: at(71) }]);
    expect(r.members.map((m) => m.total)).toEqual([69, 71]);
    expect(r.total).toBe(70);
    expect(r.band).toBe(4);
    expect(r.stars).toBe(4);
  });

  it('keeps the average exact: 70, 70, 69 → 69.66… (shown 69,66), still 3 stars', () => {
    const r = scoreCouncil(qd26, sheet1, [{ answers: at(70) }, { answers: at(70) }, { answers: at(69) }]);
    expect(r.total).toBeCloseTo(209 / 3, 12);
    expect(r.total).toBeLessThan(70);
    expect(pointsText(r.total)).toBe('69,66');
    expect(r.band).toBe(3);
  });

  it('applies a minimum to the members\' average in that criterion', () => {
    const a = { ...bestAnswers(sheet1), '1.5': 3 }; // 2 điểm = the 4-star minimum
    const b = { ...bestAnswers(sheet1), '1.5': 2 }; // 1 điểm
    const r = scoreCouncil(qd26, sheet1, [{ answers: a }, { answers: b }]);
    expect(r.total).toBe(98.5);
    expect(r.band).toBe(5);
    expect(r.stars).toBe(3);
    expect(r.heldBackBy.map((m) => [m.code, m.stars, m.chosenPoints, m.chosenOption])).toEqual([
      ['1.5', 4, 1.5, null],
      ['1.5', 5, 1.5, null],
    ]);
    const both = scoreCouncil(qd26, sheet1, [{ answers: a }, { answers: a }]);
    expect(both.stars).toBe(4);
  });

  it('a single member is the sheet itself; disqualification still overrides', () => {
    const r = scoreCouncil(qd26, sheet1, [{ answers: bestAnswers(sheet1) }], parseDisqualification(true, sheet1));
    expect(r.total).toBe(100);
    expect(r.stars).toBe(0);
    expect(r.disqualified).toBe(true);
  });

  it('refuses an empty council and names the member whose sheet is wrong', () => {
    expect(() => scoreCouncil(qd26, sheet1, [])).toThrow(expect.objectContaining({ code: 'OCOP_COUNCIL_EMPTY' }));
    expect(() => scoreCouncil(qd26, sheet1, [{ answers: at(70) }, { name: 'Bà Lan', answers: { '1.1': 1 } }])).toThrow(
      expect.objectContaining({ code: 'OCOP_MISSING_CRITERIA', message: expect.stringMatching(/^Phiếu của Bà Lan/) }),
    );
  });
});
