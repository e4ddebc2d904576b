import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  assessRevocationRisk,
  bandsFor,
  compileCatalog,
  evaluateCommune,
  evaluateIndicator,
  type Catalog,
  type CommuneProfile,
} from '../../../core/ntm';
import { buildCatalogs, catalogFileName } from './generator/buildCatalogs';
import { catalogJsonSchema } from './generator/catalogJsonSchema';
import { loadShippedNtmCatalogs, SHIPPED_NTM_CATALOG_DOCUMENTS } from './index';

const here = dirname(fileURLToPath(import.meta.url));
const researchFile = join(here, '../../../../shared/domain/ntm-commune-criteria.json');
const catalogs = loadShippedNtmCatalogs();
const byId = (id: string): Catalog => {
  const found = catalogs.find((c) => c.id === id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
};

describe('shipped NTM catalogs', () => {
  it('all load through the catalog schema, with the ids the index lists', () => {
    expect(catalogs.map((c) => c.id)).toEqual(SHIPPED_NTM_CATALOG_DOCUMENTS.map((d) => d.id));
    expect(catalogs.map((c) => c.id).sort()).toEqual([
      'QD1980-2016-XA-NTM',
      'QD318-2022-XA-NTM',
      'QD318-2022-XA-NTM-NANG-CAO',
      'QD319-2022-XA-NTM-KIEU-MAU',
      'QD491-2009-XA-NTM',
      'QD51-2025-XA-NTM',
    ]);
  });

  it('give every rule threshold a decision, and never put a threshold on a manual indicator', () => {
    for (const catalog of catalogs) {
      for (const criterion of catalog.criteria) {
        for (const indicator of criterion.indicators) {
          if (indicator.judgement === 'manual') expect(indicator.thresholds).toEqual([]);
          for (const rule of indicator.thresholds) expect(rule.source.decision).toMatch(/Quyết định \d+/);
        }
      }
    }
  });

  it('compute only the indicators whose thresholds have a source (list kept on purpose: adding one is a decision)', () => {
    const ruleJudged = catalogs.flatMap((catalog) =>
      catalog.criteria.flatMap((c) =>
        c.indicators.filter((i) => i.judgement === 'rule').map((i) => `${catalog.id} ${i.code}`),
      ),
    );
    expect(ruleJudged.sort()).toEqual(
      [
        'QD1980-2016-XA-NTM 10',
        'QD318-2022-XA-NTM 5.a',
        'QD318-2022-XA-NTM 5.b',
        'QD318-2022-XA-NTM 14.1.a',
        'QD318-2022-XA-NTM 14.1.b',
        'QD318-2022-XA-NTM 14.1.c',
        'QD318-2022-XA-NTM 14.1.d',
        'QD318-2022-XA-NTM 14.1.e',
        'QD319-2022-XA-NTM-KIEU-MAU DK1',
        'QD319-2022-XA-NTM-KIEU-MAU DK2',
        'QD319-2022-XA-NTM-KIEU-MAU DK3',
      ].sort(),
    );
  });

  it.skipIf(!existsSync(researchFile))(
    'are what the generator builds from the research file (no hand edits, no drift)',
    () => {
      const built = buildCatalogs(JSON.parse(readFileSync(researchFile, 'utf8')));
      for (const catalog of built) {
        const committed = JSON.parse(readFileSync(join(here, catalogFileName(catalog)), 'utf8'));
        expect(committed).toEqual(JSON.parse(JSON.stringify(catalog)));
      }
    },
  );

  it('publish the JSON Schema generated from the zod schema', () => {
    const committed = JSON.parse(readFileSync(join(here, 'catalog.schema.json'), 'utf8'));
    expect(committed).toEqual(catalogJsonSchema());
    expect(committed.properties.formatVersion.const).toBe(1);
  });
});

describe('QĐ 1980/QĐ-TTg (2016–2020): income by region, 2020 only', () => {
  const compiled = compileCatalog(byId('QD1980-2016-XA-NTM'));
  const at = (region: CommuneProfile['region']): CommuneProfile => ({ region, group: null, flags: {} });

  it('applies the ĐNB level (59) and the TDMNPB level (36) in 2020', () => {
    expect(evaluateIndicator(compiled, '10', { value: 58.9 }, at('DNB'), 2020).status).toBe('not_met');
    expect(evaluateIndicator(compiled, '10', { value: 59 }, at('DNB'), 2020).status).toBe('met');
    expect(evaluateIndicator(compiled, '10', { value: 36 }, at('TDMNPB'), 2020).status).toBe('met');
  });

  it('asks for a hand judgement in 2018, for which the source gives no level', () => {
    expect(evaluateIndicator(compiled, '10', { value: 100 }, at('DNB'), 2018).reason).toBe('no_threshold');
  });
});

describe('QĐ 318/QĐ-TTg (2021–2025) xã NTM', () => {
  const catalog = byId('QD318-2022-XA-NTM');
  const compiled = compileCatalog(catalog);
  const ordinary = {
    xa_dac_biet_kho_khan: false,
    xa_an_toan_khu: false,
    thuoc_huyen_ngheo_hoac_vua_thoat_ngheo_2018_2020: false,
  };

  it('needs 100% of schools at mức độ 1 in ĐBSH, 70% elsewhere with more than 3 schools, 50% with 3 or fewer', () => {
    const dbsh: CommuneProfile = { region: 'DBSH', group: null, flags: ordinary };
    const btbLarge: CommuneProfile = { region: 'BTB', group: null, flags: { ...ordinary, xa_tren_3_truong: true } };
    const btbSmall: CommuneProfile = { region: 'BTB', group: null, flags: { ...ordinary, xa_tren_3_truong: false } };
    expect(evaluateIndicator(compiled, '5.b', { value: 90 }, dbsh, 2023).status).toBe('not_met');
    expect(evaluateIndicator(compiled, '5.b', { value: 70 }, btbLarge, 2023).status).toBe('met');
    expect(evaluateIndicator(compiled, '5.b', { value: 60 }, btbLarge, 2023).status).toBe('not_met');
    expect(evaluateIndicator(compiled, '5.b', { value: 50 }, btbSmall, 2023).status).toBe('met');
    expect(evaluateIndicator(compiled, '5.b', { value: 50 }, { ...btbSmall, flags: ordinary }, 2023).reason).toBe(
      'profile_incomplete',
    );
  });

  it('judges a xã ĐBKK of a poor district in ĐBSH with the TDMNPB level', () => {
    const dbkk: CommuneProfile = {
      region: 'DBSH',
      group: null,
      flags: {
        xa_dac_biet_kho_khan: true,
        xa_an_toan_khu: false,
        thuoc_huyen_ngheo_hoac_vua_thoat_ngheo_2018_2020: true,
        xa_tren_3_truong: true,
      },
    };
    expect(evaluateIndicator(compiled, '5.b', { value: 75 }, dbkk, 2023)).toMatchObject({
      status: 'met',
      regionSubstituted: true,
    });
  });

  it('judges criteria without an indicator list by hand, and cites QĐ 18/2022 for revocation', () => {
    const profile: CommuneProfile = { region: 'TN', group: null, flags: { ...ordinary, xa_tren_3_truong: true } };
    const inputs: Record<string, { manual: { met: boolean; evidence: string } }> = {};
    for (const indicator of compiled.indicators) {
      if (indicator.manual) {
        const failing = ['1', '2', '4', '6', '7', '10'].includes(indicator.code);
        inputs[indicator.code] = { manual: { met: !failing, evidence: 'Báo cáo thẩm định của tỉnh' } };
      }
    }
    const values = {
      '5.a': { value: 100 },
      '5.b': { value: 80 },
      '14.1.a': { value: true },
      '14.1.b': { value: 'muc_2' },
      '14.1.c': { value: 'muc_3' },
      '14.1.d': { value: 'muc_2' },
      '14.1.e': { value: 99 },
    };
    const evaluation = evaluateCommune(compiled, profile, 2024, { ...inputs, ...values });
    expect(evaluation).toMatchObject({ metCount: 13, notMetCount: 6, undeterminedCount: 0 });
    expect(evaluation.band?.label).toBe('Đạt 10–14 tiêu chí');
    const risk = assessRevocationRisk(catalog, evaluation.criteria);
    expect(risk).toMatchObject({ applicable: true, atRisk: true, basis: 'share_with_key_criterion' });
    if (!risk.applicable) throw new Error('applicable expected');
    expect(risk.message).toContain('6/19 tiêu chí (31,6%)');
    expect(risk.message).toContain('10. Thu nhập');
    expect(risk.message).toContain('Quyết định 18/2022/QĐ-TTg ngày 02/8/2022, Điều 23');
  });
});

describe('QĐ 51/2025/QĐ-TTg (2026–2030) and QĐ 319/QĐ-TTg (kiểu mẫu)', () => {
  it('has 10 criteria by commune group, all judged by hand, with bands scaled to 10', () => {
    const catalog = byId('QD51-2025-XA-NTM');
    expect(catalog.criteria).toHaveLength(10);
    expect(catalog.differentiation).toBe('group3');
    expect(catalog.criteria.every((c) => c.indicators.every((i) => i.judgement === 'manual'))).toBe(true);
    expect(bandsFor(catalog).map((b) => b.label)).toEqual([
      'Đạt đủ 10/10 tiêu chí',
      'Đạt 8–9 tiêu chí',
      'Đạt 6–7 tiêu chí',
      'Đạt 3–5 tiêu chí',
      'Dưới 3 tiêu chí',
    ]);
    expect(assessRevocationRisk(catalog, []).applicable).toBe(false);
  });

  it('requires income at least 10% above the nâng cao level and one thôn thông minh for kiểu mẫu', () => {
    const compiled = compileCatalog(byId('QD319-2022-XA-NTM-KIEU-MAU'));
    const any: CommuneProfile = { region: null, group: null, flags: {} };
    expect(evaluateIndicator(compiled, 'DK2', { value: 9.9 }, any, 2024).status).toBe('not_met');
    expect(evaluateIndicator(compiled, 'DK2', { value: 10 }, any, 2024).status).toBe('met');
    expect(evaluateIndicator(compiled, 'DK3', { value: 0 }, any, 2024).status).toBe('not_met');
    expect(evaluateIndicator(compiled, 'DK4', { value: 'Du lịch cộng đồng' }, any, 2024).reason).toBe(
      'manual_indicator',
    );
  });
});
