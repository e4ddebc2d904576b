import { describe, expect, it } from 'vitest';
import doc from '../../db/reference/ocop/ocop-score-catalog.json';
import type { OcopAnswers } from './answers';
import { parseDisqualification } from './disqualification';
import { bestAnswers, worstAnswers } from './extremeAnswers';
import { findSheet, findVersion, loadCatalog } from './loadCatalog';
import { scoreSheet } from './scoreSheet';

const catalog = loadCatalog(doc);
const qd26 = findVersion(catalog, 'QD26-2026');
const sheet1 = findSheet(qd26, 1);

/** Bộ 1 answered by hand so that the total is exactly 75 and only 1.5 misses its 4-star minimum. */
const seventyFive: OcopAnswers = {
  ...bestAnswers(sheet1),
  '1.5': 2, // 1 điểm; 4 sao cần phương án 3 (2 điểm)****
  '1.1': 1,
  '1.2': 1,
  '1.4': 1,
  '1.7': 1,
  '3.1': 1,
  '3.2': 1,
  '3.3': 1,
  '4.2': 1,
  '4.3': 1,
  '5.2': 1,
  '6.3': 3,
};

describe('scoreSheet', () => {
  for (const sheet of qd26.sheets) {
    it(`bộ ${sheet.no}: the best answer scores 40/25/35 = 100 and 5 stars`, () => {
      const r = scoreSheet(qd26, sheet, bestAnswers(sheet));
      expect(r.parts).toEqual({ A: 40, B: 25, C: 35 });
      expect(r.total).toBe(100);
      expect(r.band).toBe(5);
      expect(r.stars).toBe(5);
      expect(r.heldBackBy).toEqual([]);
    });
  }

  it('bộ 1: the worst answer scores what the sheet prints (A 9, B 1, C 5 = 15 → 1 sao)', () => {
    const r = scoreSheet(qd26, sheet1, worstAnswers(sheet1));
    expect(r.parts).toEqual({ A: 9, B: 1, C: 5 });
    expect(r.total).toBe(15);
    expect(r.stars).toBe(1);
    expect(r.recognition).toEqual({ certificate: false, authority: null });
  });

  it('every sheet: the worst answer scores the sum of its lowest options', () => {
    for (const sheet of qd26.sheets) {
      const lowest = sheet.criteria.reduce((sum, c) => sum + (c.kind === 'yesno' ? 0 : Math.min(...c.options.map((o) => o.tenths ?? 0))), 0);
      expect(scoreSheet(qd26, sheet, worstAnswers(sheet)).total, `bộ ${sheet.no}`).toBe(lowest / 10);
    }
  });

  it('a 75-point product that misses a 4-star minimum is ranked 3 stars and says why', () => {
    const r = scoreSheet(qd26, sheet1, seventyFive);
    expect(r.total).toBe(75);
    expect(r.band).toBe(4);
    expect(r.stars).toBe(3);
    expect(r.heldBackBy).toEqual([
      {
        code: '1.5',
        title: 'Liên kết sản xuất',
        stars: 4,
        requiredOption: 3,
        requiredLabel: 'Có hợp đồng liên kết trên 75% sản lượng tiêu thụ',
        requiredPoints: 2,
        chosenOption: 2,
        chosenLabel: 'Có hợp đồng liên kết từ 50% đến dưới 75% sản lượng tiêu thụ',
        chosenPoints: 1,
      },
    ]);
    expect(r.nextStar).toMatchObject({ stars: 4, pointsNeeded: 0 });
    expect(r.recognition.authority).toBe('Chủ tịch UBND cấp tỉnh');
  });

  it('the same product reaching the minimum is ranked 4 stars', () => {
    const r = scoreSheet(qd26, sheet1, { ...seventyFive, '1.5': 3, '6.3': 2 });
    expect(r.total).toBe(75);
    expect(r.stars).toBe(4);
    expect(r.heldBackBy).toEqual([]);
  });

  it('missing a 3-star minimum drops a 4-star-band product to 2 stars (no certificate)', () => {
    // 2.2 phương án 2 (1 điểm) < phương án 3 "Đóng gói sáng tạo, bao bì đẹp"*** (2 điểm).
    const r = scoreSheet(qd26, sheet1, { ...seventyFive, '1.5': 3, '6.3': 3, '2.2': 2 });
    expect(r.total).toBe(74);
    expect(r.band).toBe(4);
    expect(r.stars).toBe(2);
    expect(r.heldBackBy.map((m) => [m.code, m.stars])).toEqual([['2.2', 3]]);
    expect(r.recognition.certificate).toBe(false);
  });

  it('a yes/no criterion scores its maximum for true and 0 for false', () => {
    const yes = scoreSheet(qd26, sheet1, bestAnswers(sheet1));
    const no = scoreSheet(qd26, sheet1, { ...bestAnswers(sheet1), '2.4': false });
    expect(yes.total - no.total).toBe(1);
    expect(no.parts.A).toBe(39);
    expect(no.criteria.find((c) => c.code === '2.4')).toMatchObject({ choice: false, points: 0, label: null });
  });

  it('sub-criteria (bộ 11, 6.1.1 …) are answered by their own codes', () => {
    const sheet11 = findSheet(qd26, 11);
    expect(sheet11.criteria.map((c) => c.code)).toContain('6.1.1');
    const r = scoreSheet(qd26, sheet11, { ...bestAnswers(sheet11), '6.1.1': 1 });
    expect(r.total).toBe(100 - 2);
  });

  it('disqualification overrides everything: not ranked', () => {
    const dq = parseDisqualification(['forged_dossier'], sheet1);
    const r = scoreSheet(qd26, sheet1, bestAnswers(sheet1), dq);
    expect(r.total).toBe(100);
    expect(r.disqualified).toBe(true);
    expect(r.stars).toBe(0);
    expect(r.heldBackBy).toEqual([]);
    expect(r.recognition.certificate).toBe(false);
    expect(r.disqualification?.reasons[0]).toMatchObject({ code: 'forged_dossier', text: 'Giả mạo hồ sơ' });
  });

  it('accepts the exclusion grounds as booleans and a criterion\'s own "Bị loại nếu" note', () => {
    expect(parseDisqualification({ missingFoodSafetyCertificate: true, forgedDossier: false }, sheet1)?.reasons.map((r) => r.code)).toEqual([
      'food_safety_certificate',
    ]);
    expect(parseDisqualification({ incompleteRegistration: false }, sheet1)).toBeNull();
    const sheet7 = findSheet(qd26, 7);
    expect(parseDisqualification({ criteria: ['1.1'] }, sheet7)?.reasons[0]).toMatchObject({
      code: 'criterion_note',
      criterion: '1.1',
      text: 'Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc',
    });
    expect(() => parseDisqualification({ criteria: ['1.2'] }, sheet7)).toThrow(expect.objectContaining({ code: 'OCOP_DISQUALIFICATION_INVALID' }));
    expect(() => parseDisqualification(['bad_reason'], sheet1)).toThrow(expect.objectContaining({ code: 'OCOP_DISQUALIFICATION_INVALID' }));
  });
});

describe('scoreSheet errors', () => {
  const best = bestAnswers(sheet1);

  it('unknown criterion codes, all of them', () => {
    const err = catchError(() => scoreSheet(qd26, sheet1, { ...best, '9.9': 1, '1.8': 2 }));
    expect(err).toMatchObject({ code: 'OCOP_UNKNOWN_CRITERION', details: { codes: ['9.9', '1.8'] } });
  });

  it('option number out of range (0, and past the last option)', () => {
    expect(() => scoreSheet(qd26, sheet1, { ...best, '1.1': 4 })).toThrow(expect.objectContaining({ code: 'OCOP_OPTION_OUT_OF_RANGE' }));
    expect(() => scoreSheet(qd26, sheet1, { ...best, '1.1': 0 })).toThrow(expect.objectContaining({ code: 'OCOP_OPTION_OUT_OF_RANGE' }));
  });

  it('wrong type: a boolean for an option criterion, a number other than 1/0 for a yes/no one, a fraction', () => {
    expect(() => scoreSheet(qd26, sheet1, { ...best, '1.1': true })).toThrow(expect.objectContaining({ code: 'OCOP_ANSWER_WRONG_TYPE' }));
    expect(() => scoreSheet(qd26, sheet1, { ...best, '2.4': 2 })).toThrow(expect.objectContaining({ code: 'OCOP_ANSWER_WRONG_TYPE' }));
    // The yes/no item's one printed line is its maximum: 1 reads as yes, 0 as no.
    expect(scoreSheet(qd26, sheet1, { ...best, '2.4': 1 }).total).toBe(100);
    expect(scoreSheet(qd26, sheet1, { ...best, '2.4': 0 }).total).toBe(99);
    expect(() => scoreSheet(qd26, sheet1, { ...best, '1.1': 1.5 })).toThrow(expect.objectContaining({ code: 'OCOP_ANSWER_WRONG_TYPE' }));
  });

  it('missing criteria are all listed', () => {
    const partial: OcopAnswers = { ...best };
    delete partial['1.3'];
    delete partial['2.4'];
    delete partial['12'];
    const err = catchError(() => scoreSheet(qd26, sheet1, partial));
    expect(err).toMatchObject({ code: 'OCOP_MISSING_CRITERIA', details: { codes: ['1.3', '2.4', '12'] } });
    expect(err.message).toMatch(/Chưa chấm 3 tiêu chí/);
  });

  it('answers that are not an object', () => {
    expect(() => scoreSheet(qd26, sheet1, [1, 2])).toThrow(expect.objectContaining({ code: 'OCOP_ANSWERS_INVALID' }));
  });
});

describe('history versions', () => {
  it('QĐ 148/2023 accepts the printed letter code and its position ("1.a" or "1.1"), and warns it is superseded', () => {
    const qd148 = findVersion(catalog, 'QD148-2023');
    const sheet = findSheet(qd148, 1);
    const best = bestAnswers(sheet);
    expect(Object.keys(best)).toContain('1.a');
    const { '1.a': first, ...rest } = best;
    const r = scoreSheet(qd148, sheet, { ...rest, '1.1': first });
    expect(r.total).toBe(100);
    expect(r.warnings.join(' ')).toMatch(/hết hiệu lực/);
    expect(() => scoreSheet(qd148, sheet, { ...best, '1.1': first })).toThrow(expect.objectContaining({ code: 'OCOP_ANSWERS_INVALID' }));
  });

  it('QĐ 1048/2019 scores by total only and says the minimums are unknown', () => {
    const v = findVersion(catalog, 'QD1048-2019');
    const sheet = findSheet(v, 1);
    const r = scoreSheet(v, sheet, bestAnswers(sheet));
    expect(r.parts).toEqual({ A: 35, B: 25, C: 40 });
    expect(r.warnings.join(' ')).toMatch(/yêu cầu tối thiểu/);
  });
});

function catchError(fn: () => unknown): { code: string; message: string; details: any } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string; details: any };
  }
  throw new Error('expected an error');
}
