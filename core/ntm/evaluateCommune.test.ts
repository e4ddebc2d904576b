import { describe, expect, it } from 'vitest';
import { incomeCatalog } from './__fixtures__/makeCatalog';
import type { CommuneProfile } from './communeProfile';
import { compileCatalog } from './compileCatalog';
import { evaluateCommune } from './evaluateCommune';
import { planFor } from './evaluationPlan';
import { IndicatorStatusCode } from './indicatorStatus';

const compiled = compileCatalog(incomeCatalog());
const DNB: CommuneProfile = {
  region: 'DNB',
  group: null,
  flags: { xa_dac_biet_kho_khan: false, xa_an_toan_khu: false, thuoc_huyen_ngheo: false },
};
const EVIDENCE = 'Biên bản thẩm tra số 12/BB-UBND';

describe('evaluateCommune: criterion status from its indicators', () => {
  it('marks a criterion met only when all its indicators are met', () => {
    const result = evaluateCommune(compiled, DNB, 2020, {
      '10': { value: 60 },
      '12': { manual: { met: true, evidence: EVIDENCE } },
      '14.a': { value: true },
      '14.b': { value: 'muc_3' },
    });
    expect(result.criteria.map((c) => [c.no, c.status])).toEqual([
      [10, 'met'],
      [12, 'met'],
      [14, 'met'],
    ]);
    expect(result).toMatchObject({ metCount: 3, notMetCount: 0, undeterminedCount: 0, criteriaCount: 3 });
  });

  it('fails a criterion when one indicator fails, even if another is still missing', () => {
    const result = evaluateCommune(compiled, DNB, 2020, { '14.a': { value: false } });
    expect(result.criteria[2]).toEqual({
      no: 14,
      name: 'Giáo dục và Đào tạo',
      status: 'not_met',
      notMet: ['14.a'],
      needsManual: [],
      missingValue: ['14.b'],
    });
  });

  it('leaves a criterion undetermined and lists what is missing or needs a hand judgement', () => {
    const result = evaluateCommune(compiled, DNB, 2020, { '14.b': { value: 'muc_2' } });
    expect(result.criteria[0]).toMatchObject({ status: 'undetermined', missingValue: ['10'] });
    expect(result.criteria[1]).toMatchObject({ status: 'undetermined', needsManual: ['12'] });
    expect(result.criteria[2]).toMatchObject({ status: 'undetermined', missingValue: ['14.a'], notMet: [] });
    expect(result).toMatchObject({ metCount: 0, notMetCount: 0, undeterminedCount: 3 });
  });

  it('fills per-indicator status codes in catalog order', () => {
    const result = evaluateCommune(compiled, DNB, 2020, { '10': { value: 10 } });
    expect(Array.from(result.status)).toEqual([
      IndicatorStatusCode.notMet,
      IndicatorStatusCode.needsManual,
      IndicatorStatusCode.missingValue,
      IndicatorStatusCode.missingValue,
    ]);
  });

  it('reports the band scaled to the catalog size (3 criteria: all 3; 2; 1; under 1)', () => {
    const result = evaluateCommune(compiled, DNB, 2020, { '10': { value: 60 } });
    expect(result.band).toMatchObject({ minMet: 1, maxMet: 1, label: 'Đạt 1 tiêu chí' });
  });
});

describe('planFor: thresholds compiled once per profile and year', () => {
  it('reuses the plan for the same profile and year, and builds another for another region', () => {
    const again = { ...DNB, flags: { ...DNB.flags } };
    expect(planFor(compiled, DNB, 2020)).toBe(planFor(compiled, again, 2020));
    expect(planFor(compiled, DNB, 2020)).not.toBe(planFor(compiled, { ...DNB, region: 'TN' }, 2020));
    expect(planFor(compiled, DNB, 2020)).not.toBe(planFor(compiled, DNB, 2019));
  });

  it('evaluates a province-sized batch from one plan with the same results as one by one', () => {
    const inputs = Array.from({ length: 500 }, (_, i) => ({
      '10': { value: 40 + (i % 40) },
      '14.a': { value: i % 3 !== 0 },
    }));
    const results = inputs.map((input) => evaluateCommune(compiled, DNB, 2020, input));
    expect(new Set(results.map((r) => r.plan)).size).toBe(1);
    expect(results.filter((r) => r.criteria[0].status === 'met').length).toBe(
      inputs.filter((input) => input['10'].value >= 59).length,
    );
  });
});
