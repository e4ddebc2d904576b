import { describe, expect, it } from 'vitest';
import { booleanCatalog, QD318_NAMES } from './__fixtures__/makeCatalog';
import type { Catalog } from './catalogSchema';
import { compileCatalog } from './compileCatalog';
import { evaluateCommune } from './evaluateCommune';
import { assessRevocationRisk } from './revocationRisk';

const NO_REGION = { region: null, group: null, flags: {} };
const THU_NHAP = 10;
const MOI_TRUONG = 17;
const QP_AN = 19;

/** Evaluates a commune where exactly the listed criteria fail, `unknown` ones have no value, the rest pass. */
function assess(catalog: Catalog, failing: number[], unknown: number[] = []) {
  const compiled = compileCatalog(catalog);
  const inputs: Record<string, { value: boolean }> = {};
  for (const criterion of catalog.criteria) {
    if (!unknown.includes(criterion.no)) inputs[`${criterion.no}.1`] = { value: !failing.includes(criterion.no) };
  }
  const evaluation = evaluateCommune(compiled, NO_REGION, 2020, inputs);
  return assessRevocationRisk(catalog, evaluation.criteria);
}

const qd318 = booleanCatalog(QD318_NAMES, [THU_NHAP, MOI_TRUONG, QP_AN]);
const ordinary = (count: number) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13].slice(0, count);

describe('assessRevocationRisk: QĐ 18/2022/QĐ-TTg boundaries on 19 criteria', () => {
  it('5/19 (26.3%) failed, including Thu nhập: below 30%, not at risk', () => {
    const result = assess(qd318, [...ordinary(4), THU_NHAP]);
    expect(result).toMatchObject({ applicable: true, atRisk: false, basis: null });
  });

  it('6/19 (31.6%) failed including Thu nhập: at risk, with the criterion and the article named', () => {
    const result = assess(qd318, [...ordinary(5), THU_NHAP]);
    expect(result).toMatchObject({ applicable: true, atRisk: true, basis: 'share_with_key_criterion' });
    if (!result.applicable) throw new Error('applicable expected');
    expect(result.keyCriteriaFailed).toEqual([{ no: 10, name: 'Thu nhập' }]);
    expect(result.message).toBe(
      'Có nguy cơ bị thu hồi quyết định công nhận: 6/19 tiêu chí (31,6%) không đạt, từ 30% đến dưới 50%, trong đó có tiêu chí 10. Thu nhập (căn cứ Quyết định 18/2022/QĐ-TTg ngày 02/8/2022, Điều 23).',
    );
  });

  it('6/19 failed without a key criterion: not at risk, and says why', () => {
    const result = assess(qd318, ordinary(6));
    expect(result).toMatchObject({ atRisk: false, basis: null });
    if (!result.applicable) throw new Error('applicable expected');
    expect(result.message).toContain('không có tiêu chí then chốt');
  });

  it.each([
    ['Môi trường và an toàn thực phẩm', MOI_TRUONG],
    ['Quốc phòng và An ninh', QP_AN],
  ])('9/19 (47.4%) failed including %s: at risk under the 30%%–<50%% clause', (name, no) => {
    const result = assess(qd318, [...ordinary(8), no]);
    expect(result).toMatchObject({ atRisk: true, basis: 'share_with_key_criterion' });
    if (!result.applicable) throw new Error('applicable expected');
    expect(result.message).toContain(`${no}. ${name}`);
    expect(result.message).toContain('9/19 tiêu chí (47,4%)');
  });

  it('9/19 failed without a key criterion: not at risk', () => {
    expect(assess(qd318, ordinary(9))).toMatchObject({ atRisk: false });
  });

  it('10/19 (52.6%) failed without any key criterion: at risk under the ≥ 50% clause, listing all failed', () => {
    const result = assess(qd318, ordinary(10));
    expect(result).toMatchObject({ atRisk: true, basis: 'share_any' });
    if (!result.applicable) throw new Error('applicable expected');
    expect(result.failed).toHaveLength(10);
    expect(result.message).toContain('10/19 tiêu chí (52,6%) không đạt, từ 50% trở lên');
    expect(result.message).toContain('1. Quy hoạch; 2. Giao thông');
  });
});

describe('assessRevocationRisk: exact percentages on a 10-criteria set', () => {
  const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'K'];
  const ten = booleanCatalog(names, [1]);

  it('2/10 (20%) with the key criterion: not at risk; 3/10 (exactly 30%) with it: at risk', () => {
    expect(assess(ten, [1, 2])).toMatchObject({ atRisk: false });
    expect(assess(ten, [1, 2, 3])).toMatchObject({ atRisk: true, basis: 'share_with_key_criterion' });
  });

  it('4/10 without the key criterion: not at risk; 5/10 (exactly 50%): at risk', () => {
    expect(assess(ten, [2, 3, 4, 5])).toMatchObject({ atRisk: false });
    expect(assess(ten, [2, 3, 4, 5, 6])).toMatchObject({ atRisk: true, basis: 'share_any' });
  });
});

describe('assessRevocationRisk: undecided criteria and catalogs without the rule', () => {
  it('does not count undecided criteria as failed, but says they could tip the balance', () => {
    const result = assess(qd318, ordinary(5), [THU_NHAP]);
    expect(result).toMatchObject({ atRisk: false, undetermined: 1, atRiskIfUndeterminedFail: true });
    if (!result.applicable) throw new Error('applicable expected');
    expect(result.message).toContain('Còn 1 tiêu chí chưa xác định (10. Thu nhập)');
  });

  it('says so when the catalog carries no revocation rule', () => {
    const result = assess({ ...qd318, revocation: null }, ordinary(10));
    expect(result.applicable).toBe(false);
    expect(result.message).toContain('không có quy định thu hồi');
  });
});
