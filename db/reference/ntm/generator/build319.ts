import type { Catalog, Criterion } from '../../../../core/ntm';
import { CENTRAL_ISSUER, FORMAT_HEAD } from './catalogParts';
import { findSet, set319Schema, type SourceDocument } from './sourceDocument';
import { QD319_PRESS } from './sources';

const GROUP = 'Điều kiện xã NTM kiểu mẫu';

/**
 * QĐ 319/QĐ-TTg: four conditions, modelled as four criteria. Conditions 2 and 3 carry numbers in the source
 * (≥ 10% above the nâng cao income level; at least one thôn thông minh) and are rule-judged; condition 4 depends
 * on criteria issued by each UBND tỉnh and is judged by hand.
 */
export function build319(doc: SourceDocument): Catalog {
  const set = findSet(doc, 'QD319-2022-KIEU-MAU', set319Schema);
  const [c1, c2, c3, c4] = set.conditions;
  const criteria: Criterion[] = [
    {
      no: 1,
      name: 'Là xã đạt chuẩn NTM nâng cao giai đoạn 2021–2025',
      group: GROUP,
      responsibleSector: null,
      indicatorListComplete: true,
      note: c1,
      indicators: [
        {
          code: 'DK1',
          codeOfficial: false,
          text: 'Xã đã được công nhận đạt chuẩn NTM nâng cao theo Bộ tiêu chí giai đoạn 2021–2025 (xã công nhận giai đoạn 2018–2020 đã đáp ứng đầy đủ Bộ tiêu chí 2021–2025)',
          valueKind: 'boolean',
          unit: null,
          judgement: 'rule',
          thresholds: [{ appliesTo: {}, test: { op: 'is', value: true }, source: QD319_PRESS(1) }],
          references: [],
        },
      ],
    },
    {
      no: 2,
      name: 'Thu nhập bình quân đầu người',
      group: GROUP,
      responsibleSector: null,
      indicatorListComplete: true,
      note: c2,
      indicators: [
        {
          code: 'DK2',
          codeOfficial: false,
          text: 'Thu nhập bình quân đầu người của xã tại thời điểm xét cao hơn mức quy định cho xã NTM nâng cao cùng thời điểm (tính theo %)',
          valueKind: 'number',
          unit: '%',
          judgement: 'rule',
          thresholds: [{ appliesTo: {}, test: { op: 'gte', value: 10 }, source: QD319_PRESS(2) }],
          references: [],
          note: 'Nhập (thu nhập của xã ÷ mức thu nhập quy định cho xã NTM nâng cao của vùng và năm − 1) × 100; mức của xã NTM nâng cao lấy từ văn bản tỉnh áp dụng, ghi rõ nguồn trong minh chứng.',
        },
      ],
    },
    {
      no: 3,
      name: 'Mô hình thôn thông minh',
      group: GROUP,
      responsibleSector: null,
      indicatorListComplete: true,
      note: c3,
      indicators: [
        {
          code: 'DK3',
          codeOfficial: false,
          text: 'Số thôn đạt mô hình thôn thông minh (theo tiêu chí do UBND cấp tỉnh quy định)',
          valueKind: 'number',
          unit: 'thôn',
          judgement: 'rule',
          thresholds: [{ appliesTo: {}, test: { op: 'gte', value: 1 }, source: QD319_PRESS(3) }],
          references: [],
        },
      ],
    },
    {
      no: 4,
      name: 'Lĩnh vực nổi trội',
      group: GROUP,
      responsibleSector: null,
      indicatorListComplete: true,
      note: c4,
      indicators: [
        {
          code: 'DK4',
          codeOfficial: false,
          text: 'Đạt tiêu chí xã NTM kiểu mẫu theo ít nhất một lĩnh vực nổi trội mang giá trị đặc trưng của địa phương (theo tiêu chí do UBND cấp tỉnh ban hành)',
          valueKind: 'text',
          unit: null,
          judgement: 'manual',
          thresholds: [],
          references: [],
          note: 'Ghi lĩnh vực và văn bản của tỉnh làm căn cứ trong minh chứng.',
        },
      ],
    },
  ];
  return {
    ...FORMAT_HEAD,
    id: 'QD319-2022-XA-NTM-KIEU-MAU',
    revision: 1,
    name: 'Quy định xã nông thôn mới kiểu mẫu giai đoạn 2021–2025',
    level: 'xa_ntm_kieu_mau',
    issuer: CENTRAL_ISSUER,
    legalBasis: {
      decision: '319/QĐ-TTg',
      title: 'Quyết định quy định xã nông thôn mới kiểu mẫu giai đoạn 2021–2025',
      signedOn: '2022-03-08',
      effectiveFrom: '2022-03-08',
      article: null,
      appendix: null,
      signer: 'Phó Thủ tướng Thường trực Phạm Bình Minh',
      sources: [set.source],
    },
    amendments: [],
    period: { fromYear: 2021, toYear: 2025 },
    differentiation: 'none',
    profileFlags: [],
    regionSubstitution: null,
    summaryBands: { mode: 'none' },
    revocation: null,
    completeness: 'complete',
    gaps: [
      'Điều, khoản của từng điều kiện chưa đối chiếu nguyên văn QĐ 319/QĐ-TTg (nguồn: báo Quảng Nam).',
      'Tiêu chí thôn thông minh và tiêu chí lĩnh vực nổi trội do UBND cấp tỉnh ban hành; tỉnh bổ sung bằng bộ tiêu chí riêng.',
    ],
    criteria,
  };
}
