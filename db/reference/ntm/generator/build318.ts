import { REGION_CODES, type Catalog, type Criterion, type Indicator } from '../../../../core/ntm';
import {
  CENTRAL_ISSUER,
  FORMAT_HEAD,
  remainderIndicator,
  unverifiedSector,
  wholeCriterionIndicator,
} from './catalogParts';
import { findSet, setWithCriteriaSchema, typographic, type SourceDocument } from './sourceDocument';
import {
  QD1491_BGDDT,
  QD18_REVOCATION,
  QD318_IRRIGATION_PRESS,
  QD318_SUMMARY,
  QD318_WATER_PRESS,
} from './sources';

const WHERE = 'Phụ lục I Quyết định 318/QĐ-TTg';

export const QD318_LEGAL_BASIS: Catalog['legalBasis'] = {
  decision: '318/QĐ-TTg',
  title:
    'Quyết định ban hành Bộ tiêu chí quốc gia về xã nông thôn mới và Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021–2025',
  signedOn: '2022-03-08',
  effectiveFrom: '2022-03-08',
  article: null,
  appendix: 'Phụ lục I',
  signer: 'Phó Thủ tướng Thường trực Phạm Bình Minh',
  sources: [
    'http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/39774/ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025',
    'https://baonghean.vn/bo-tieu-chi-nong-thon-moi-tag9268.html',
  ],
};

export const QD211_AMENDMENT: Catalog['legalBasis'] = {
  decision: '211/QĐ-TTg',
  title:
    'Quyết định sửa đổi một số tiêu chí, chỉ tiêu của Bộ tiêu chí quốc gia về xã NTM, xã NTM nâng cao, huyện NTM, huyện NTM nâng cao giai đoạn 2021–2025',
  signedOn: '2024-03-01',
  effectiveFrom: null,
  article: null,
  appendix: null,
  signer: null,
  sources: ['DOMAIN.md §9 (nội dung sửa đổi chưa thu thập)'],
};

const OTHER_THAN_DBSH_DNB = REGION_CODES.filter((r) => r !== 'DBSH' && r !== 'DNB');

/** Criterion 5 per QĐ 1491/QĐ-BGDĐT (DOMAIN.md §9). Codes are ours: the decision's numbering was not read. */
const schoolIndicators: Indicator[] = [
  {
    code: '5.a',
    codeOfficial: false,
    text: 'Tỷ lệ trường học các cấp (mầm non, tiểu học, THCS) có cơ sở vật chất đạt tiêu chuẩn tối thiểu',
    valueKind: 'percent',
    unit: '%',
    judgement: 'rule',
    // ĐBSH and ĐNB require 100% at mức độ 1, which implies 100% at the minimum standard, so 100% applies everywhere.
    thresholds: [{ appliesTo: {}, test: { op: 'gte', value: 100 }, source: QD1491_BGDDT }],
    references: [],
    note: 'Với vùng ĐBSH và ĐNB, mức 100% đạt tối thiểu được suy ra từ yêu cầu 100% đạt mức độ 1.',
  },
  {
    code: '5.b',
    codeOfficial: false,
    text: 'Tỷ lệ trường học các cấp (mầm non, tiểu học, THCS) có cơ sở vật chất đạt chuẩn mức độ 1',
    valueKind: 'percent',
    unit: '%',
    judgement: 'rule',
    thresholds: [
      { appliesTo: { regions: ['DBSH', 'DNB'] }, test: { op: 'gte', value: 100 }, source: QD1491_BGDDT },
      {
        appliesTo: { regions: OTHER_THAN_DBSH_DNB, flags: { xa_tren_3_truong: true } },
        test: { op: 'gte', value: 70 },
        source: QD1491_BGDDT,
      },
      {
        appliesTo: { regions: OTHER_THAN_DBSH_DNB, flags: { xa_tren_3_truong: false } },
        test: { op: 'gte', value: 50 },
        source: QD1491_BGDDT,
      },
    ],
    references: [],
  },
];

const LEVELS_3 = [
  { value: 'chua_dat', label: 'Chưa đạt' },
  { value: 'muc_1', label: 'Mức độ 1' },
  { value: 'muc_2', label: 'Mức độ 2' },
  { value: 'muc_3', label: 'Mức độ 3' },
];
const LEVELS_2 = LEVELS_3.slice(0, 3);

/** Indicator 14.1, split into its parts for data entry (codes 14.1.a–e are ours), all regions alike. */
const educationIndicators: Indicator[] = [
  {
    code: '14.1.a',
    codeOfficial: false,
    text: 'Duy trì phổ cập giáo dục mầm non cho trẻ em 5 tuổi (đã được cấp có thẩm quyền công nhận)',
    valueKind: 'boolean',
    unit: null,
    judgement: 'rule',
    thresholds: [{ appliesTo: {}, test: { op: 'is', value: true }, source: QD1491_BGDDT }],
    references: [],
  },
  {
    code: '14.1.b',
    codeOfficial: false,
    text: 'Mức đạt chuẩn phổ cập giáo dục tiểu học',
    valueKind: 'choice',
    unit: null,
    choices: LEVELS_3,
    judgement: 'rule',
    thresholds: [{ appliesTo: {}, test: { op: 'oneOf', values: ['muc_2', 'muc_3'] }, source: QD1491_BGDDT }],
    references: [],
  },
  {
    code: '14.1.c',
    codeOfficial: false,
    text: 'Mức đạt chuẩn phổ cập giáo dục trung học cơ sở',
    valueKind: 'choice',
    unit: null,
    choices: LEVELS_3,
    judgement: 'rule',
    thresholds: [{ appliesTo: {}, test: { op: 'oneOf', values: ['muc_2', 'muc_3'] }, source: QD1491_BGDDT }],
    references: [],
  },
  {
    code: '14.1.d',
    codeOfficial: false,
    text: 'Mức đạt chuẩn xóa mù chữ',
    valueKind: 'choice',
    unit: null,
    choices: LEVELS_2,
    judgement: 'rule',
    thresholds: [{ appliesTo: {}, test: { op: 'oneOf', values: ['muc_2'] }, source: QD1491_BGDDT }],
    references: [],
  },
  {
    code: '14.1.e',
    codeOfficial: false,
    text: 'Tỷ lệ trẻ em 6 tuổi vào học lớp 1',
    valueKind: 'percent',
    unit: '%',
    judgement: 'rule',
    thresholds: [{ appliesTo: {}, test: { op: 'gte', value: 98 }, source: QD1491_BGDDT }],
    references: [],
  },
];

const irrigationIndicators: Indicator[] = [
  {
    code: '3.1',
    codeOfficial: false,
    text: 'Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động',
    valueKind: 'percent',
    unit: '%',
    judgement: 'manual',
    thresholds: [],
    references: [{ text: '≥ 80% (theo báo chí; chưa rõ mức theo vùng)', source: QD318_IRRIGATION_PRESS }],
  },
  {
    code: '3.2',
    codeOfficial: false,
    text: 'Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ',
    valueKind: 'boolean',
    unit: null,
    judgement: 'manual',
    thresholds: [],
    references: [{ text: 'Đạt', source: QD318_IRRIGATION_PRESS }],
  },
];

const environmentIndicators: Indicator[] = [
  {
    code: '17.1',
    codeOfficial: false,
    text: 'Tỷ lệ hộ sử dụng nước từ hệ thống cấp nước tập trung',
    valueKind: 'percent',
    unit: '%',
    judgement: 'manual',
    thresholds: [],
    references: [
      { text: 'Từ 15%–20% trở lên tùy vùng (báo chí; chưa có mức của từng vùng)', source: QD318_WATER_PRESS },
    ],
  },
  {
    code: '17.8',
    codeOfficial: true,
    text: 'An toàn thực phẩm',
    valueKind: 'boolean',
    unit: null,
    judgement: 'manual',
    thresholds: [],
    references: [],
    note: 'Nội dung chỉ tiêu chưa có trong nguồn; chỉ biết số hiệu 17.8.',
  },
];

/** Known indicators per criterion; every other criterion is judged as a whole. */
const KNOWN: Readonly<Record<number, readonly Indicator[]>> = {
  3: irrigationIndicators,
  5: schoolIndicators,
  14: educationIndicators,
  17: environmentIndicators,
};

export function build318(doc: SourceDocument): Catalog {
  const set = findSet(doc, 'QD318-2022-NTM', setWithCriteriaSchema);
  const criteria: Criterion[] = set.criteria.map((row) => {
    const known = KNOWN[row.no];
    return {
      no: row.no,
      name: row.name,
      group: row.group ? typographic(row.group) : null,
      responsibleSector: unverifiedSector(row.guiding_ministry_unverified),
      indicatorListComplete: false,
      indicators: known
        ? [...known, remainderIndicator(row.no, WHERE)]
        : [wholeCriterionIndicator(row.no, row.name, WHERE)],
    };
  });
  return {
    ...FORMAT_HEAD,
    id: 'QD318-2022-XA-NTM',
    revision: 1,
    name: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025',
    level: 'xa_ntm',
    issuer: CENTRAL_ISSUER,
    legalBasis: QD318_LEGAL_BASIS,
    amendments: [QD211_AMENDMENT],
    period: { fromYear: 2021, toYear: 2025 },
    differentiation: 'region7',
    profileFlags: [
      { code: 'xa_dac_biet_kho_khan', label: 'Xã đặc biệt khó khăn' },
      { code: 'xa_an_toan_khu', label: 'Xã an toàn khu' },
      {
        code: 'thuoc_huyen_ngheo_hoac_vua_thoat_ngheo_2018_2020',
        label: 'Thuộc huyện nghèo hoặc huyện vừa thoát nghèo giai đoạn 2018–2020',
      },
      { code: 'xa_tren_3_truong', label: 'Xã có trên 3 trường (mầm non, tiểu học, THCS)' },
    ],
    regionSubstitution: {
      useRegion: 'TDMNPB',
      whenAnyFlag: ['xa_dac_biet_kho_khan', 'xa_an_toan_khu'],
      andAllFlags: ['thuoc_huyen_ngheo_hoac_vua_thoat_ngheo_2018_2020'],
      source: {
        ...QD318_SUMMARY,
        note: 'Nguyên văn tóm tắt: "Đối với các xã đặc biệt khó khăn, xã an toàn khu thuộc huyện nghèo và huyện vừa thoát nghèo giai đoạn 2018–2020, mức đạt chuẩn NTM được áp dụng theo quy định cho vùng Trung du miền núi phía Bắc". Dữ liệu đọc "thuộc huyện nghèo…" áp dụng cho cả hai loại xã.',
      },
    },
    summaryBands: { mode: 'derived' },
    revocation: {
      withKeyCriterionFromPercent: 30,
      anyFromPercent: 50,
      keyCriteria: [10, 17, 19],
      source: QD18_REVOCATION,
    },
    completeness: 'partial',
    gaps: [
      'Phụ lục I QĐ 318/QĐ-TTg chưa thu thập được: số hiệu, nội dung và ngưỡng chung, theo vùng của các chỉ tiêu 1.1…19.x, mức thu nhập theo năm 2022–2025 của từng vùng.',
      'Các tiêu chí chưa có danh mục chỉ tiêu được đánh giá thủ công cả tiêu chí; tiêu chí có một phần chỉ tiêu có thêm chỉ tiêu "các chỉ tiêu còn lại".',
      'Chưa đối chiếu các sửa đổi của QĐ 211/QĐ-TTg ngày 01/3/2024.',
      'Cơ quan hướng dẫn từng tiêu chí là giá trị thông lệ, chưa đọc từ quyết định.',
      'Phân nhóm tiêu chí 18–19 vào nhóm "Hệ thống chính trị" theo cấu trúc giai đoạn 2016–2020 (một bài báo xếp vào nhóm Văn hóa – Xã hội – Môi trường).',
    ],
    criteria,
  };
}
