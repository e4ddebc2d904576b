import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION, type Catalog, type Indicator } from '../../../../core/ntm';

/** The fixed head of every shipped catalog. */
export const FORMAT_HEAD = { format: CATALOG_FORMAT, formatVersion: CATALOG_FORMAT_VERSION } as const satisfies Pick<
  Catalog,
  'format' | 'formatVersion'
>;

export const CENTRAL_ISSUER: Catalog['issuer'] = { kind: 'trung_uong', name: 'Thủ tướng Chính phủ' };

/**
 * Stands for a whole criterion whose indicator list the sources do not give: the commune is judged by hand
 * (đạt / chưa đạt with evidence), never computed (DOMAIN.md §9).
 */
export function wholeCriterionIndicator(no: number, name: string, where: string): Indicator {
  return {
    code: String(no),
    codeOfficial: false,
    text: `Đạt tiêu chí số ${no} "${name}" theo ${where} (đánh giá cả tiêu chí)`,
    valueKind: 'boolean',
    unit: null,
    judgement: 'manual',
    wholeCriterion: true,
    thresholds: [],
    references: [],
    note: 'Nguồn chưa có danh mục chỉ tiêu và ngưỡng của tiêu chí này: cán bộ kết luận đạt / chưa đạt kèm minh chứng theo văn bản gốc và hướng dẫn của bộ, ngành, tỉnh.',
  };
}

/**
 * The rest of a criterion of which the sources give only some indicators. Without it a criterion would look
 * "met" when only the known indicators are met.
 */
export function remainderIndicator(no: number, where: string): Indicator {
  return {
    code: `${no}.*`,
    codeOfficial: false,
    text: `Các chỉ tiêu còn lại của tiêu chí số ${no} theo ${where}`,
    valueKind: 'boolean',
    unit: null,
    judgement: 'manual',
    thresholds: [],
    references: [],
    note: 'Danh mục chỉ tiêu của tiêu chí này trong nguồn chưa đầy đủ: cán bộ đối chiếu văn bản gốc, kết luận đạt / chưa đạt kèm minh chứng (ghi "không có chỉ tiêu khác" nếu đúng như vậy).',
  };
}

/** Lead ministries in the research file are customary values, not read from the decision. */
export function unverifiedSector(raw: string | undefined): Catalog['criteria'][number]['responsibleSector'] {
  if (!raw) return null;
  const name = raw.split(' (')[0].trim();
  return { name, verified: false };
}
