import { describe, expect, it } from 'vitest';
import doc from '../../db/reference/ocop/ocop-score-catalog.json';
import type { OcopSheet } from './catalogModel';
import { scoreCouncil } from './councilScore';
import { disqualificationReasonsFor, parseDisqualification } from './disqualification';
import { bestAnswers } from './extremeAnswers';
import { findSheet, findVersion, loadCatalog } from './loadCatalog';
import { scoreSheet } from './scoreSheet';

/*
 * Notes under criteria that change the outcome (QĐ 26/2026/QĐ-TTg, Phụ lục II; line numbers in
 * shared/domain/sources/qd26-2026.txt): stops of the evaluation found from the answers, stops and exclusions the
 * Council declares, and "Chỉ áp dụng khi có câu chuyện sản phẩm".
 */

const qd26 = findVersion(loadCatalog(doc), 'QD26-2026');

/** The option number of a criterion by the start of its printed label: tests name what the sheet prints. */
function option(sheet: OcopSheet, code: string, label: string): number {
  const c = sheet.criteria.find((x) => x.code === code)!;
  const o = c.options.find((x) => x.label.startsWith(label));
  if (!o) throw new Error(`${sheet.no}/${code}: no option "${label}"`);
  return o.number;
}

describe('evaluation stopped by the answers', () => {
  it('bộ 19 (mỹ phẩm), 6: without a product declaration the product is not ranked (dòng 8961, 9272, 9284)', () => {
    const sheet = findSheet(qd26, 19);
    const r = scoreSheet(qd26, sheet, { ...bestAnswers(sheet), '6': option(sheet, '6', 'Không có hồ sơ công bố') });
    expect(r.total).toBe(95);
    expect(r.disqualified).toBe(true);
    expect(r.stars).toBe(0);
    expect(r.recognition.certificate).toBe(false);
    expect(r.disqualification?.reasons).toEqual([
      { code: 'evaluation_stopped', criterion: '6', text: 'Không đánh giá các bước tiếp theo nếu không có Phiếu công bố sản phẩm mỹ phẩm theo quy định' },
    ]);
    // With a declaration (even the lowest one) it is ranked as usual.
    const ranked = scoreSheet(qd26, sheet, { ...bestAnswers(sheet), '6': option(sheet, '6', 'Có hồ sơ công bố tiêu chuẩn sản phẩm') });
    expect(ranked.disqualified).toBe(false);
    expect(ranked.stars).toBeGreaterThan(0);
  });

  it('bộ 16 (rượu), 6.1–6.4: a 0 on any of them stops the evaluation (dòng 7981)', () => {
    const sheet = findSheet(qd26, 16);
    for (const [code, label] of [
      ['6.1', 'Có tạp chất'],
      ['6.2', 'Có màu'],
      ['6.4', 'Có vị lạ'],
    ] as const) {
      const r = scoreSheet(qd26, sheet, { ...bestAnswers(sheet), [code]: option(sheet, code, label) });
      expect(r.stars, code).toBe(0);
      expect(r.disqualification?.reasons, code).toEqual([expect.objectContaining({ code: 'evaluation_stopped', criterion: code })]);
    }
    expect(scoreSheet(qd26, sheet, { ...bestAnswers(sheet), '6.4': option(sheet, '6.4', 'Tương đối phù hợp') }).disqualified).toBe(false);
  });

  it('a Council stops only when every member gave the 0 (the average is 0)', () => {
    const sheet = findSheet(qd26, 16);
    const zero = { ...bestAnswers(sheet), '6.1': option(sheet, '6.1', 'Có tạp chất') };
    expect(scoreCouncil(qd26, sheet, [{ answers: zero }, { answers: bestAnswers(sheet) }]).disqualified).toBe(false);
    expect(scoreCouncil(qd26, sheet, [{ answers: zero }, { answers: zero }]).disqualified).toBe(true);
  });
});

describe('stops and exclusions the Council declares', () => {
  it('bộ 1, 6.1: impurities stop the evaluation; bộ 21, 6.2: an IP violation excludes the dossier (dòng 10184)', () => {
    const s1 = findSheet(qd26, 1);
    const stop = scoreSheet(qd26, s1, bestAnswers(s1), parseDisqualification({ criteria: ['6.1'] }, s1));
    expect(stop.stars).toBe(0);
    expect(stop.disqualification?.reasons).toEqual([expect.objectContaining({ code: 'evaluation_stopped', criterion: '6.1', text: expect.stringMatching(/^Không xem xét các chỉ tiêu khác/) })]);

    const s21 = findSheet(qd26, 21);
    expect(s21.criteria.find((c) => c.code === '6.2')!.options[2]!.label).toBe('Phong cách độc đáo riêng, thể hiện trí tuệ địa phương');
    const ip = scoreSheet(qd26, s21, bestAnswers(s21), parseDisqualification({ criteria: ['6.2'] }, s21));
    expect(ip.disqualification?.reasons).toEqual([{ code: 'criterion_note', criterion: '6.2', text: 'Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ' }]);
    expect(ip.stars).toBe(0);
  });

  it('refuses a criterion without such a note', () => {
    const s1 = findSheet(qd26, 1);
    expect(() => parseDisqualification({ criteria: ['1.3'] }, s1)).toThrow(expect.objectContaining({ code: 'OCOP_DISQUALIFICATION_INVALID' }));
  });
});

describe('"Chỉ áp dụng khi có câu chuyện sản phẩm" (5.2, dòng 734)', () => {
  it('without a story, 5.2 scores nothing, and the result says why', () => {
    const sheet = findSheet(qd26, 1);
    const r = scoreSheet(qd26, sheet, { ...bestAnswers(sheet), '5.1': option(sheet, '5.1', 'Không có câu chuyện sản phẩm') });
    // 5.1 loses its 5 points; 5.2 ("Ngắn gọn, xúc tích và có văn phong kể chuyện", 2 points) counts 0.
    expect(r.total).toBe(93);
    expect(r.parts.B).toBe(18);
    expect(r.criteria.find((c) => c.code === '5.2')?.points).toBe(0);
    expect(r.warnings).toContainEqual(expect.stringContaining('5.2 chỉ áp dụng khi có câu chuyện sản phẩm'));
    // With a story, 5.2 counts.
    const told = scoreSheet(qd26, sheet, { ...bestAnswers(sheet), '5.1': option(sheet, '5.1', 'Có câu chuyện sản phẩm') });
    expect(told.total).toBe(96);
  });
});

describe('exclusion grounds printed on each sheet ("Hồ sơ bị loại khi: …")', () => {
  it('offers only the grounds the sheet prints, and refuses others', () => {
    expect(disqualificationReasonsFor(findSheet(qd26, 1))).toEqual(['forged_dossier', 'food_safety_certificate', 'registration_dossier', 'other']);
    expect(disqualificationReasonsFor(findSheet(qd26, 15))).toEqual(['forged_dossier', 'food_safety_certificate', 'registration_dossier', 'production_licence', 'other']);
    expect(disqualificationReasonsFor(findSheet(qd26, 19))).toEqual(['forged_dossier', 'food_safety_certificate', 'registration_dossier', 'product_declaration', 'other']);
    expect(disqualificationReasonsFor(findSheet(qd26, 21))).toEqual(['forged_dossier', 'registration_dossier', 'other']);
    expect(disqualificationReasonsFor(findSheet(qd26, 26))).toEqual(['other']);
    const s21 = findSheet(qd26, 21);
    expect(() => parseDisqualification(['food_safety_certificate'], s21)).toThrow(expect.objectContaining({ code: 'OCOP_DISQUALIFICATION_INVALID' }));
    const r = scoreSheet(qd26, findSheet(qd26, 20), bestAnswers(findSheet(qd26, 20)), parseDisqualification(['product_declaration'], findSheet(qd26, 20)));
    expect(r).toMatchObject({ disqualified: true, stars: 0 });
  });
});
