import type { Catalog } from '../../../../core/ntm';
import { CENTRAL_ISSUER, FORMAT_HEAD, wholeCriterionIndicator } from './catalogParts';
import { findSet, setWithCriteriaSchema, typographic, type SourceDocument } from './sourceDocument';

const WHERE = 'Phụ lục I Quyết định 51/2025/QĐ-TTg';

/** QĐ 51/2025/QĐ-TTg, 2026–2030: 10 criteria, 3 commune groups. The 47 indicators were not retrieved. */
export function build51(doc: SourceDocument): Catalog {
  const set = findSet(doc, 'QD51-2025-NTM-2026-2030', setWithCriteriaSchema);
  return {
    ...FORMAT_HEAD,
    id: 'QD51-2025-XA-NTM',
    revision: 1,
    name: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030',
    level: 'xa_ntm',
    issuer: CENTRAL_ISSUER,
    legalBasis: {
      decision: '51/2025/QĐ-TTg',
      title: 'Quyết định ban hành Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026–2030',
      signedOn: '2025-12-29',
      effectiveFrom: '2026-02-15',
      article: null,
      appendix: 'Phụ lục I',
      signer: 'Phó Thủ tướng Trần Hồng Hà',
      sources: [
        'https://xaydungchinhsach.chinhphu.vn/toan-van-quyet-dinh-51-2025-qd-ttg-ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-119251230104614909.htm',
      ],
    },
    amendments: [],
    period: { fromYear: 2026, toYear: 2030 },
    differentiation: 'group3',
    profileFlags: [],
    regionSubstitution: null,
    // No decision defines reporting bands for 10 criteria: they are scaled from the 19-criteria bands.
    summaryBands: { mode: 'derived' },
    revocation: null,
    completeness: 'partial',
    gaps: [
      'Danh mục 47 chỉ tiêu và ngưỡng theo từng nhóm xã (nhóm 1, 2, 3) của Phụ lục I QĐ 51/2025/QĐ-TTg chưa thu thập được: mỗi tiêu chí được đánh giá thủ công.',
      'Chưa có quyết định về trình tự công nhận và thu hồi cho giai đoạn 2026–2030 thay QĐ 18/2022/QĐ-TTg: chưa đánh giá nguy cơ thu hồi.',
      'Phụ lục II (thí điểm xã NTM hiện đại) chưa có trong dữ liệu.',
      'Ngày hiệu lực 15/02/2026 theo tin báo chí.',
    ],
    criteria: set.criteria.map((row) => ({
      no: row.no,
      name: typographic(row.name),
      group: null,
      responsibleSector: null,
      indicatorListComplete: false,
      indicators: [wholeCriterionIndicator(row.no, typographic(row.name), WHERE)],
    })),
  };
}
