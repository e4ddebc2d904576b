import { REGION_CODES, type Catalog, type Criterion, type Indicator, type RegionCode } from '../../../../core/ntm';
import { CENTRAL_ISSUER, FORMAT_HEAD, remainderIndicator, wholeCriterionIndicator } from './catalogParts';
import { findSet, set1980Schema, type SourceDocument } from './sourceDocument';
import { QD1980_HIGHLIGHTS, QD1980_INCOME } from './sources';

const WHERE = 'Bộ tiêu chí ban hành kèm theo Quyết định 1980/QĐ-TTg';

/** Group of each criterion in the 5-group structure of the 2016–2020 set. */
function groupOf(no: number): string {
  if (no === 1) return 'Quy hoạch';
  if (no <= 9) return 'Hạ tầng kinh tế – xã hội';
  if (no <= 13) return 'Kinh tế và tổ chức sản xuất';
  if (no <= 17) return 'Văn hóa – Xã hội – Môi trường';
  return 'Hệ thống chính trị';
}

function isRegionCode(code: string): code is RegionCode {
  return (REGION_CODES as readonly string[]).includes(code);
}

/**
 * Criterion 10: minimum rural income per person "đến năm 2020" for each of the 7 regions (research file,
 * known_thresholds). The source gives no level for 2016–2019, so those years have no rule and are judged by hand.
 */
function incomeIndicator(byRegion: Readonly<Record<string, number>>, national: number | string): Indicator {
  const thresholds = Object.entries(byRegion).map(([region, value]) => {
    if (!isRegionCode(region)) throw new Error(`Unknown region ${region} in QĐ 1980 income table`);
    return {
      appliesTo: { regions: [region], years: { from: 2020, to: 2020 } },
      test: { op: 'gte' as const, value },
      source: QD1980_INCOME,
    };
  });
  if (thresholds.length !== REGION_CODES.length) throw new Error('QĐ 1980 income table must cover the 7 regions');
  return {
    code: '10',
    codeOfficial: false,
    text: 'Thu nhập bình quân đầu người khu vực nông thôn',
    valueKind: 'number',
    unit: 'triệu đồng/người/năm',
    judgement: 'rule',
    thresholds,
    references: [
      { text: `Chỉ tiêu chung toàn quốc đến năm 2020: ≥ ${national} triệu đồng/người/năm`, source: QD1980_INCOME },
    ],
    note: 'Nguồn chỉ có mức đến năm 2020; các năm 2016–2019 đánh giá thủ công theo mức của năm do tỉnh hướng dẫn.',
  };
}

function manualWithReference(
  code: string,
  text: string,
  unit: string | null,
  reference: string,
  location: string,
): Indicator {
  return {
    code,
    codeOfficial: false,
    text,
    valueKind: unit === '%' ? 'percent' : 'boolean',
    unit,
    judgement: 'manual',
    thresholds: [],
    references: [{ text: reference, source: QD1980_HIGHLIGHTS(location) }],
  };
}

/** Only the national value is known for these, so it is a reference, never a rule (regions may differ). */
const KNOWN: Readonly<Record<number, { complete: boolean; indicators: Indicator[] }>> = {
  9: {
    complete: true,
    indicators: [
      manualWithReference('9.1', 'Nhà tạm, dột nát', null, 'Không có (mức chung)', 'Tiêu chí số 9 Nhà ở dân cư'),
      manualWithReference(
        '9.2',
        'Tỷ lệ hộ có nhà ở đạt tiêu chuẩn theo quy định',
        '%',
        '≥ 80% (mức chung)',
        'Tiêu chí số 9 Nhà ở dân cư',
      ),
    ],
  },
  12: {
    complete: true,
    indicators: [
      manualWithReference(
        '12',
        'Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động có khả năng tham gia lao động',
        '%',
        '≥ 90% (mức chung)',
        'Tiêu chí số 12 Lao động có việc làm',
      ),
    ],
  },
  17: {
    complete: false,
    indicators: [
      manualWithReference(
        '17.1',
        'Tỷ lệ hộ được sử dụng nước hợp vệ sinh và nước sạch theo quy định',
        '%',
        '≥ 95% hợp vệ sinh, trong đó ≥ 60% nước sạch (mức chung)',
        'Tiêu chí số 17 Môi trường và an toàn thực phẩm',
      ),
    ],
  },
};

export function build1980(doc: SourceDocument): Catalog {
  const set = findSet(doc, 'QD1980-2016', set1980Schema);
  const income = set.known_thresholds.find((t) => t.criterion === 10 && t.by_region);
  if (!income?.by_region) throw new Error('QĐ 1980 income table missing from the research file');

  const criteria: Criterion[] = set.criteria.map((row) => {
    const base = { no: row.no, name: row.name, group: groupOf(row.no), responsibleSector: null };
    if (row.no === 10) {
      return {
        ...base,
        indicatorListComplete: true,
        indicators: [incomeIndicator(income.by_region ?? {}, income.national)],
      };
    }
    const known = KNOWN[row.no];
    if (known) {
      return {
        ...base,
        indicatorListComplete: known.complete,
        indicators: known.complete ? known.indicators : [...known.indicators, remainderIndicator(row.no, WHERE)],
      };
    }
    return { ...base, indicatorListComplete: false, indicators: [wholeCriterionIndicator(row.no, row.name, WHERE)] };
  });

  return {
    ...FORMAT_HEAD,
    id: 'QD1980-2016-XA-NTM',
    revision: 1,
    name: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020',
    level: 'xa_ntm',
    issuer: CENTRAL_ISSUER,
    legalBasis: {
      decision: '1980/QĐ-TTg',
      title: 'Quyết định ban hành Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020',
      signedOn: '2016-10-17',
      effectiveFrom: '2016-12-01',
      article: null,
      appendix: null,
      signer: null,
      sources: [
        set.criteria_source,
        'http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/14746/bo-tieu-chi-xa-nong-thon-moi-giai-doan-2016-2020',
      ],
    },
    amendments: [],
    period: { fromYear: 2016, toYear: 2020 },
    differentiation: 'region7',
    profileFlags: [],
    regionSubstitution: null,
    summaryBands: { mode: 'derived' },
    revocation: null,
    completeness: 'partial',
    gaps: [
      'Chỉ có mức thu nhập năm 2020 theo vùng; các chỉ tiêu khác chỉ có mức chung (dùng để tham khảo) hoặc chưa có.',
      'Phân nhóm tiêu chí theo cấu trúc 5 nhóm của giai đoạn 2016–2020, chưa đối chiếu nguyên văn.',
      'Quy định thu hồi công nhận của giai đoạn 2016–2020 (QĐ 2540/QĐ-TTg) chưa thu thập: chưa đánh giá nguy cơ thu hồi.',
      'Tỷ lệ hộ nghèo đa chiều (tiêu chí 11) chỉ có nguồn dịch máy, không đưa vào dữ liệu.',
    ],
    criteria,
  };
}
