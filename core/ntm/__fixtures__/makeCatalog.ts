import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION } from '../catalogFormat';
import type { Catalog, Criterion, SourceRef } from '../catalogSchema';
import { REGION_CODES } from '../regions';

/** Test catalogs. Threshold numbers are those of the sources (QĐ 1980/2016 income), not made up. */

export const INCOME_2020_SOURCE: SourceRef = {
  decision: 'Quyết định 1980/QĐ-TTg ngày 17/10/2016',
  article: null,
  location: 'Bộ tiêu chí ban hành kèm theo, tiêu chí số 10 Thu nhập (mức đến năm 2020)',
  via: 'https://thuviennhadat.vn/phap-ly-nha-dat/tieu-chi-ve-thu-nhap-xa-nong-thon-moi-giai-doan-2016---2020-hien-nay-duoc-quy-dinh-ra-sao-318802.html',
  reliability: 'secondary',
};

/** QĐ 1980/QĐ-TTg, criterion 10, minimum income to 2020 (triệu đồng/người/năm), research file known_thresholds. */
export const INCOME_2020: Readonly<Record<(typeof REGION_CODES)[number], number>> = {
  TDMNPB: 36,
  DBSH: 50,
  BTB: 36,
  DHNTB: 41,
  TN: 41,
  DNB: 59,
  DBSCL: 50,
};

export const REVOCATION_SOURCE: SourceRef = {
  decision: 'Quyết định 18/2022/QĐ-TTg ngày 02/8/2022',
  article: 'Điều 23',
  location: null,
  via: null,
  reliability: 'secondary',
};

/** The 19 criteria names of QĐ 318/QĐ-TTg (DOMAIN.md §1.1). */
export const QD318_NAMES = [
  'Quy hoạch',
  'Giao thông',
  'Thủy lợi và phòng, chống thiên tai',
  'Điện',
  'Trường học',
  'Cơ sở vật chất văn hóa',
  'Cơ sở hạ tầng thương mại nông thôn',
  'Thông tin và Truyền thông',
  'Nhà ở dân cư',
  'Thu nhập',
  'Nghèo đa chiều',
  'Lao động',
  'Tổ chức sản xuất và phát triển kinh tế nông thôn',
  'Giáo dục và Đào tạo',
  'Y tế',
  'Văn hóa',
  'Môi trường và an toàn thực phẩm',
  'Hệ thống chính trị và tiếp cận pháp luật',
  'Quốc phòng và An ninh',
] as const;

function base(criteria: Criterion[]): Catalog {
  return {
    format: CATALOG_FORMAT,
    formatVersion: CATALOG_FORMAT_VERSION,
    id: 'TEST',
    revision: 1,
    name: 'Bộ tiêu chí thử nghiệm',
    level: 'xa_ntm',
    issuer: { kind: 'tinh', name: 'UBND tỉnh thử nghiệm' },
    legalBasis: {
      decision: '1980/QĐ-TTg',
      title: 'Bộ tiêu chí thử nghiệm',
      signedOn: '2016-10-17',
      effectiveFrom: '2016-12-01',
      article: null,
      appendix: null,
      signer: null,
      sources: [],
    },
    amendments: [],
    period: { fromYear: 2016, toYear: 2020 },
    differentiation: 'region7',
    profileFlags: [],
    regionSubstitution: null,
    summaryBands: { mode: 'derived' },
    revocation: null,
    completeness: 'partial',
    gaps: [],
    criteria,
  };
}

/**
 * Three criteria: 10 Thu nhập (rule per region, year 2020 only), 12 Lao động (manual with a reference value) and
 * 14 Giáo dục (a choice rule and a boolean rule). Flags and the QĐ 318 style region substitution are declared.
 */
export function incomeCatalog(): Catalog {
  const catalog = base([
    {
      no: 10,
      name: 'Thu nhập',
      group: 'Kinh tế và tổ chức sản xuất',
      responsibleSector: null,
      indicatorListComplete: true,
      indicators: [
        {
          code: '10',
          codeOfficial: false,
          text: 'Thu nhập bình quân đầu người khu vực nông thôn',
          valueKind: 'number',
          unit: 'triệu đồng/người/năm',
          judgement: 'rule',
          thresholds: REGION_CODES.map((region) => ({
            appliesTo: { regions: [region], years: { from: 2020, to: 2020 } },
            test: { op: 'gte' as const, value: INCOME_2020[region] },
            source: INCOME_2020_SOURCE,
          })),
          references: [],
        },
      ],
    },
    {
      no: 12,
      name: 'Lao động có việc làm',
      group: 'Kinh tế và tổ chức sản xuất',
      responsibleSector: null,
      indicatorListComplete: true,
      indicators: [
        {
          code: '12',
          codeOfficial: false,
          text: 'Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động có khả năng tham gia lao động',
          valueKind: 'percent',
          unit: '%',
          judgement: 'manual',
          thresholds: [],
          references: [{ text: '≥ 90% (mức chung)', source: INCOME_2020_SOURCE }],
        },
      ],
    },
    {
      no: 14,
      name: 'Giáo dục và Đào tạo',
      group: null,
      responsibleSector: null,
      indicatorListComplete: true,
      indicators: [
        {
          code: '14.b',
          codeOfficial: false,
          text: 'Mức đạt chuẩn phổ cập giáo dục tiểu học',
          valueKind: 'choice',
          unit: null,
          choices: [
            { value: 'muc_1', label: 'Mức độ 1' },
            { value: 'muc_2', label: 'Mức độ 2' },
            { value: 'muc_3', label: 'Mức độ 3' },
          ],
          judgement: 'rule',
          thresholds: [{ appliesTo: {}, test: { op: 'oneOf', values: ['muc_2', 'muc_3'] }, source: INCOME_2020_SOURCE }],
          references: [],
        },
        {
          code: '14.a',
          codeOfficial: false,
          text: 'Duy trì phổ cập giáo dục mầm non cho trẻ em 5 tuổi',
          valueKind: 'boolean',
          unit: null,
          judgement: 'rule',
          thresholds: [{ appliesTo: {}, test: { op: 'is', value: true }, source: INCOME_2020_SOURCE }],
          references: [],
        },
      ],
    },
  ]);
  return {
    ...catalog,
    profileFlags: [
      { code: 'xa_dac_biet_kho_khan', label: 'Xã đặc biệt khó khăn' },
      { code: 'xa_an_toan_khu', label: 'Xã an toàn khu' },
      { code: 'thuoc_huyen_ngheo', label: 'Thuộc huyện nghèo hoặc vừa thoát nghèo 2018–2020' },
    ],
    regionSubstitution: {
      useRegion: 'TDMNPB',
      whenAnyFlag: ['xa_dac_biet_kho_khan', 'xa_an_toan_khu'],
      andAllFlags: ['thuoc_huyen_ngheo'],
      source: INCOME_2020_SOURCE,
    },
  };
}

/** n criteria, each one boolean rule indicator "<no>.1", so a test sets each criterion met or not directly. */
export function booleanCatalog(names: readonly string[], keyCriteria: number[]): Catalog {
  const catalog = base(
    names.map((name, i) => ({
      no: i + 1,
      name,
      group: null,
      responsibleSector: null,
      indicatorListComplete: true,
      indicators: [
        {
          code: `${i + 1}.1`,
          codeOfficial: false,
          text: `Đạt tiêu chí ${name}`,
          valueKind: 'boolean' as const,
          unit: null,
          judgement: 'rule' as const,
          thresholds: [{ appliesTo: {}, test: { op: 'is' as const, value: true }, source: REVOCATION_SOURCE }],
          references: [],
        },
      ],
    })),
  );
  return {
    ...catalog,
    differentiation: 'none',
    revocation: { withKeyCriterionFromPercent: 30, anyFromPercent: 50, keyCriteria, source: REVOCATION_SOURCE },
  };
}
