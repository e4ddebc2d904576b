import type { Catalog } from '../../../../core/ntm';
import { CENTRAL_ISSUER, FORMAT_HEAD, wholeCriterionIndicator } from './catalogParts';
import { findSet, setWithCriteriaSchema, type SourceDocument } from './sourceDocument';

const WHERE = 'Bộ tiêu chí ban hành kèm theo Quyết định 491/QĐ-TTg (sửa đổi bởi QĐ 342/QĐ-TTg)';

/**
 * QĐ 491/QĐ-TTg (2009), for history. The only regional numbers are an OCR of a scan that the research file says
 * to use "only as illustration of the data shape", so none is shipped: every criterion is judged by hand.
 */
export function build491(doc: SourceDocument): Catalog {
  const set = findSet(doc, 'QD491-2009', setWithCriteriaSchema);
  return {
    ...FORMAT_HEAD,
    id: 'QD491-2009-XA-NTM',
    revision: 1,
    name: 'Bộ tiêu chí quốc gia về nông thôn mới (2009, sửa đổi 2013)',
    level: 'xa_ntm',
    issuer: CENTRAL_ISSUER,
    legalBasis: {
      decision: '491/QĐ-TTg',
      title: 'Quyết định ban hành Bộ tiêu chí quốc gia về nông thôn mới',
      signedOn: '2009-04-16',
      effectiveFrom: null,
      article: null,
      appendix: null,
      signer: null,
      sources: ['https://www.chanhvanphong.com/2012/10/bo-tieu-chi-ve-xay-dung-xa-nong-thon-moi.html'],
    },
    amendments: [
      {
        decision: '342/QĐ-TTg',
        title:
          'Quyết định sửa đổi một số tiêu chí của Bộ tiêu chí quốc gia về nông thôn mới (tiêu chí 7, 10, 12, 14, 15)',
        signedOn: '2013-02-20',
        effectiveFrom: null,
        article: null,
        appendix: null,
        signer: null,
        sources: ['http://www.lamdong.gov.vn/vi-VN/a/btdkt/nongthonmoi/vanban/Pages/QD342_2013_QD_TTg.aspx'],
      },
    ],
    period: { fromYear: 2009, toYear: 2016 },
    differentiation: 'region7',
    profileFlags: [],
    regionSubstitution: null,
    summaryBands: { mode: 'derived' },
    revocation: null,
    completeness: 'partial',
    gaps: [
      'Bảng chỉ tiêu theo vùng chỉ có bản OCR chất lượng kém (scribd 52925905): không đưa ngưỡng nào vào dữ liệu, mọi tiêu chí đánh giá thủ công.',
      'Nội dung sửa đổi của QĐ 342/QĐ-TTg (tiêu chí 7, 10, 12, 14, 15) chưa thu thập.',
      'Giai đoạn áp dụng ghi 2009–2016 (đến khi QĐ 1980/QĐ-TTg có hiệu lực 01/12/2016).',
    ],
    criteria: set.criteria.map((row) => ({
      no: row.no,
      name: row.name,
      group: null,
      responsibleSector: null,
      indicatorListComplete: false,
      indicators: [wholeCriterionIndicator(row.no, row.name, WHERE)],
    })),
  };
}
