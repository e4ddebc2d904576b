import type { Catalog } from '../../../../core/ntm';
import { CENTRAL_ISSUER, FORMAT_HEAD } from './catalogParts';
import { QD211_AMENDMENT, QD318_LEGAL_BASIS } from './build318';
import { QD318_WATER_PRESS } from './sources';

/**
 * QĐ 318 Phụ lục II (xã NTM nâng cao). Its criteria list was not retrieved (research file: "NOT_FOUND"), so the
 * catalog holds a single criterion judged by hand. A province enters the real list from its own copy.
 */
export function build318NangCao(): Catalog {
  return {
    ...FORMAT_HEAD,
    id: 'QD318-2022-XA-NTM-NANG-CAO',
    revision: 1,
    name: 'Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021–2025',
    level: 'xa_ntm_nang_cao',
    issuer: CENTRAL_ISSUER,
    legalBasis: { ...QD318_LEGAL_BASIS, appendix: 'Phụ lục II' },
    amendments: [QD211_AMENDMENT],
    period: { fromYear: 2021, toYear: 2025 },
    differentiation: 'region7',
    profileFlags: [],
    regionSubstitution: null,
    summaryBands: { mode: 'none' },
    revocation: null,
    completeness: 'partial',
    gaps: [
      'Danh mục tiêu chí, chỉ tiêu và ngưỡng của Phụ lục II QĐ 318/QĐ-TTg chưa thu thập được: toàn bộ bộ tiêu chí được đánh giá thủ công.',
      'Chưa đánh giá nguy cơ thu hồi: QĐ 18/2022/QĐ-TTg nêu các tiêu chí then chốt "Thu nhập", "Môi trường", "Chất lượng môi trường sống", "Quốc phòng và An ninh" nhưng chưa có số thứ tự các tiêu chí này trong Phụ lục II.',
    ],
    criteria: [
      {
        no: 1,
        name: 'Đạt Bộ tiêu chí xã NTM nâng cao (Phụ lục II QĐ 318/QĐ-TTg)',
        group: null,
        responsibleSector: null,
        indicatorListComplete: false,
        note: 'Tiêu chí tạm thay cho danh mục tiêu chí chưa có trong nguồn.',
        indicators: [
          {
            code: 'NC',
            codeOfficial: false,
            text: 'Xã đạt toàn bộ các tiêu chí của Bộ tiêu chí xã NTM nâng cao giai đoạn 2021–2025 (đánh giá thủ công theo văn bản gốc)',
            valueKind: 'boolean',
            unit: null,
            judgement: 'manual',
            wholeCriterion: true,
            thresholds: [],
            references: [
              {
                text: 'Tham khảo: tỷ lệ hộ sử dụng nước từ hệ thống cấp nước tập trung ≥ 55% (báo chí, độ tin cậy thấp)',
                source: QD318_WATER_PRESS,
              },
            ],
          },
        ],
      },
    ],
  };
}
