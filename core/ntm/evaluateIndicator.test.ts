import { describe, expect, it } from 'vitest';
import { INCOME_2020, incomeCatalog } from './__fixtures__/makeCatalog';
import type { CommuneProfile } from './communeProfile';
import { compileCatalog } from './compileCatalog';
import { evaluateIndicator } from './evaluateIndicator';
import { REGION_CODES, type RegionCode } from './regions';

const compiled = compileCatalog(incomeCatalog());
const NO_FLAGS = { xa_dac_biet_kho_khan: false, xa_an_toan_khu: false, thuoc_huyen_ngheo: false };
const profile = (region: RegionCode | null, flags: CommuneProfile['flags'] = NO_FLAGS): CommuneProfile => ({
  region,
  group: null,
  flags,
});

describe('evaluateIndicator: thresholds by region and year (QĐ 1980/QĐ-TTg income to 2020)', () => {
  it.each(REGION_CODES.map((r) => [r, INCOME_2020[r]] as const))(
    'region %s needs ≥ %d triệu đồng in 2020: exactly the threshold is met, just below is not',
    (region, threshold) => {
      expect(evaluateIndicator(compiled, '10', { value: threshold }, profile(region), 2020).status).toBe('met');
      expect(evaluateIndicator(compiled, '10', { value: threshold - 0.1 }, profile(region), 2020).status).toBe(
        'not_met',
      );
    },
  );

  it('applies each region its own threshold: 45 meets TDMNPB (36) but not ĐNB (59)', () => {
    expect(evaluateIndicator(compiled, '10', { value: 45 }, profile('TDMNPB'), 2020).status).toBe('met');
    expect(evaluateIndicator(compiled, '10', { value: 45 }, profile('DNB'), 2020).status).toBe('not_met');
  });

  it('names the applied threshold and its source', () => {
    const result = evaluateIndicator(compiled, '10', { value: 60 }, profile('DBSCL'), 2020);
    expect(result.threshold?.test).toEqual({ op: 'gte', value: 50 });
    expect(result.threshold?.source.decision).toContain('1980/QĐ-TTg');
  });

  it('has no threshold for 2018 (the source gives only 2020), so it asks for a hand judgement instead of guessing', () => {
    const result = evaluateIndicator(compiled, '10', { value: 1000 }, profile('DBSH'), 2018);
    expect(result).toMatchObject({ status: 'needs_manual', reason: 'no_threshold', threshold: null });
    const judged = evaluateIndicator(
      compiled,
      '10',
      { value: 30, manual: { met: true, evidence: 'Mức năm 2018 theo hướng dẫn của tỉnh: 29 triệu đồng' } },
      profile('DBSH'),
      2018,
    );
    expect(judged).toMatchObject({ status: 'met', reason: 'manual' });
  });

  it('waits for the region when the profile lacks it', () => {
    expect(evaluateIndicator(compiled, '10', { value: 80 }, profile(null), 2020)).toMatchObject({
      status: 'missing_value',
      reason: 'profile_incomplete',
    });
  });

  it('reports a missing or wrongly typed value as missing, never as not met', () => {
    expect(evaluateIndicator(compiled, '10', undefined, profile('TN'), 2020).reason).toBe('no_value');
    expect(evaluateIndicator(compiled, '10', { value: null }, profile('TN'), 2020).reason).toBe('no_value');
    expect(evaluateIndicator(compiled, '10', { value: '50' }, profile('TN'), 2020)).toMatchObject({
      status: 'missing_value',
      reason: 'invalid_value',
    });
    expect(evaluateIndicator(compiled, '10', { value: Number.NaN }, profile('TN'), 2020).reason).toBe('invalid_value');
  });

  it('ignores a hand judgement when a sourced threshold applies', () => {
    const result = evaluateIndicator(
      compiled,
      '10',
      { value: 20, manual: { met: true, evidence: 'ý kiến cán bộ' } },
      profile('TN'),
      2020,
    );
    expect(result).toMatchObject({ status: 'not_met', reason: 'rule' });
  });

  it('throws CATALOG_YEAR_OUT_OF_RANGE outside the catalog period and INDICATOR_NOT_FOUND for an unknown code', () => {
    expect(() => evaluateIndicator(compiled, '10', { value: 50 }, profile('TN'), 2021)).toThrow(
      expect.objectContaining({ code: 'CATALOG_YEAR_OUT_OF_RANGE' }),
    );
    expect(() => evaluateIndicator(compiled, '99', { value: 50 }, profile('TN'), 2020)).toThrow(
      expect.objectContaining({ code: 'INDICATOR_NOT_FOUND' }),
    );
  });
});

describe('evaluateIndicator: region substitution (QĐ 318 rule for xã ĐBKK, ATK)', () => {
  const dbkk = { xa_dac_biet_kho_khan: true, xa_an_toan_khu: false, thuoc_huyen_ngheo: true };

  it('judges a ĐBKK commune of a poor district in ĐNB against the TDMNPB threshold (36, not 59)', () => {
    const result = evaluateIndicator(compiled, '10', { value: 40 }, profile('DNB', dbkk), 2020);
    expect(result).toMatchObject({ status: 'met', regionSubstituted: true });
    expect(result.threshold?.test).toEqual({ op: 'gte', value: 36 });
  });

  it('does the same for an ATK commune, but not for one outside a poor district', () => {
    const atk = { ...dbkk, xa_dac_biet_kho_khan: false, xa_an_toan_khu: true };
    expect(evaluateIndicator(compiled, '10', { value: 40 }, profile('DNB', atk), 2020).status).toBe('met');
    const notPoor = { ...dbkk, thuoc_huyen_ngheo: false };
    expect(evaluateIndicator(compiled, '10', { value: 40 }, profile('DNB', notPoor), 2020)).toMatchObject({
      status: 'not_met',
      regionSubstituted: false,
    });
  });

  it('waits when a deciding flag is unknown instead of picking a region', () => {
    const unknownDistrict = { xa_dac_biet_kho_khan: true, xa_an_toan_khu: false };
    expect(evaluateIndicator(compiled, '10', { value: 40 }, profile('DNB', unknownDistrict), 2020).reason).toBe(
      'profile_incomplete',
    );
  });
});

describe('evaluateIndicator: manual indicators are never auto-computed', () => {
  it('does not compute a manual indicator from its value, even when a reference value exists', () => {
    // Reference "≥ 90%" is shown to the person judging; 99% still needs their judgement.
    const result = evaluateIndicator(compiled, '12', { value: 99 }, profile('DBSH'), 2020);
    expect(result).toMatchObject({ status: 'needs_manual', reason: 'manual_indicator', threshold: null });
    expect(result.reasonText).toContain('thủ công');
  });

  it('takes the hand judgement only with evidence', () => {
    expect(
      evaluateIndicator(compiled, '12', { value: 50, manual: { met: true, evidence: '  ' } }, profile('DBSH'), 2020),
    ).toMatchObject({ status: 'needs_manual', reason: 'manual_without_evidence' });
    expect(
      evaluateIndicator(compiled, '12', { manual: { met: true, evidence: '\u00a0\t' } }, profile('DBSH'), 2020).reason,
    ).toBe('manual_without_evidence');
    expect(
      evaluateIndicator(compiled, '12', { manual: { met: true, evidence: 'Đã thẩm tra' } }, profile('DBSH'), 2020)
        .status,
    ).toBe('met');
    expect(
      evaluateIndicator(
        compiled,
        '12',
        { value: 50, manual: { met: false, evidence: 'Báo cáo lao động năm 2020 của UBND xã' } },
        profile('DBSH'),
        2020,
      ),
    ).toMatchObject({ status: 'not_met', reason: 'manual' });
  });
});

describe('evaluateIndicator: choice and boolean rules', () => {
  it('meets a level rule only with an allowed level, and rejects an unknown level as invalid', () => {
    expect(evaluateIndicator(compiled, '14.b', { value: 'muc_2' }, profile('BTB'), 2017).status).toBe('met');
    expect(evaluateIndicator(compiled, '14.b', { value: 'muc_1' }, profile('BTB'), 2017).status).toBe('not_met');
    expect(evaluateIndicator(compiled, '14.b', { value: 'muc_9' }, profile('BTB'), 2017).reason).toBe('invalid_value');
  });

  it('meets a yes/no rule with true only', () => {
    expect(evaluateIndicator(compiled, '14.a', { value: true }, profile('BTB'), 2017).status).toBe('met');
    expect(evaluateIndicator(compiled, '14.a', { value: false }, profile('BTB'), 2017).status).toBe('not_met');
    expect(evaluateIndicator(compiled, '14.a', { value: 1 }, profile('BTB'), 2017).reason).toBe('invalid_value');
  });
});
