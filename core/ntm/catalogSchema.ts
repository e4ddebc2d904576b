import { z } from 'zod';
import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION } from './catalogFormat';
import { COMMUNE_GROUPS, REGION_CODES } from './regions';

/**
 * Structural schema of an NTM criteria catalog (one legal set of criteria, e.g. QĐ 318/QĐ-TTg Phụ lục I).
 * Cross-field rules (unique codes, rules only on rule-judged indicators, non-overlapping thresholds…) live in
 * catalogSemantics.ts so that this schema stays exportable as JSON Schema (z.toJSONSchema drops refinements).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải theo dạng YYYY-MM-DD');
const year = z.number().int().min(2000).max(2100);
const text = z.string().trim().min(1);

/** How far a fact can be trusted; mirrors the [P]/[G]/[S]/[T]/[R]/[?] tags of DOMAIN.md. */
export const reliabilitySchema = z.enum([
  'primary',
  'government',
  'secondary',
  'third_party',
  'general_knowledge',
  'uncertain',
]);

/** Where a threshold or rule comes from. `article` is null only when nobody has read the article yet. */
export const sourceRefSchema = z.strictObject({
  decision: text.describe('Văn bản, ví dụ "Quyết định 1980/QĐ-TTg ngày 17/10/2016"'),
  article: text.nullable().describe('Điều, khoản; null khi chưa đối chiếu nguyên văn'),
  location: text.nullable().describe('Vị trí trong văn bản, ví dụ "Bộ tiêu chí kèm theo, tiêu chí số 10"'),
  via: text.nullable().describe('Nơi đọc được nội dung (URL) khi không phải bản gốc của văn bản'),
  reliability: reliabilitySchema,
  note: text.optional(),
});

export const legalBasisSchema = z.strictObject({
  decision: text.describe('Số hiệu, ví dụ "318/QĐ-TTg"'),
  title: text,
  signedOn: isoDate,
  effectiveFrom: isoDate.nullable(),
  article: text.nullable(),
  appendix: text.nullable(),
  signer: text.nullable(),
  sources: z.array(text),
});

export const levelSchema = z.enum(['xa_ntm', 'xa_ntm_nang_cao', 'xa_ntm_kieu_mau', 'xa_ntm_hien_dai', 'thon', 'huyen']);

export const regionCodeSchema = z.enum(REGION_CODES);
export const communeGroupSchema = z.literal(COMMUNE_GROUPS);

/** Which profiles a threshold applies to. An absent key means "every value of that axis". */
export const appliesToSchema = z.strictObject({
  regions: z.array(regionCodeSchema).min(1).optional(),
  groups: z.array(communeGroupSchema).min(1).optional(),
  years: z.strictObject({ from: year, to: year }).optional(),
  flags: z.record(z.string(), z.boolean()).optional(),
});

export const thresholdTestSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('gte'), value: z.number() }),
  z.strictObject({ op: z.literal('gt'), value: z.number() }),
  z.strictObject({ op: z.literal('lte'), value: z.number() }),
  z.strictObject({ op: z.literal('lt'), value: z.number() }),
  z.strictObject({ op: z.literal('is'), value: z.boolean() }),
  z.strictObject({ op: z.literal('oneOf'), values: z.array(text).min(1) }),
]);

export const thresholdRuleSchema = z.strictObject({
  appliesTo: appliesToSchema,
  test: thresholdTestSchema,
  source: sourceRefSchema,
});

/** A sourced value shown to the person judging by hand; the evaluator never applies it. */
export const referenceValueSchema = z.strictObject({
  text,
  appliesTo: appliesToSchema.optional(),
  source: sourceRefSchema,
});

export const choiceSchema = z.strictObject({ value: text, label: text });

export const indicatorSchema = z.strictObject({
  code: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.()*_-]*$/, 'Mã chỉ tiêu chỉ gồm chữ, số và . ( ) * _ -'),
  codeOfficial: z.boolean().describe('true khi mã là số hiệu trong văn bản; false khi do ứng dụng đặt'),
  text,
  valueKind: z.enum(['boolean', 'number', 'percent', 'choice', 'text']),
  unit: text.nullable(),
  choices: z.array(choiceSchema).min(2).optional(),
  judgement: z.enum(['rule', 'manual']),
  wholeCriterion: z
    .boolean()
    .optional()
    .describe('Chỉ tiêu đại diện cho cả tiêu chí vì nguồn chưa có danh mục chỉ tiêu'),
  thresholds: z.array(thresholdRuleSchema),
  references: z.array(referenceValueSchema),
  note: text.optional(),
});

export const criterionSchema = z.strictObject({
  no: z.number().int().min(1),
  name: text,
  group: text.nullable(),
  responsibleSector: z.strictObject({ name: text, verified: z.boolean() }).nullable(),
  indicatorListComplete: z.boolean(),
  indicators: z.array(indicatorSchema).min(1),
  note: text.optional(),
});

export const profileFlagSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'Mã cờ dạng snake_case'),
  label: text,
});

/** QĐ 318: xã ĐBKK, xã ATK thuộc huyện nghèo… use another region's thresholds (see regionRule.ts). */
export const regionSubstitutionSchema = z.strictObject({
  useRegion: regionCodeSchema,
  whenAnyFlag: z.array(z.string()).min(1),
  andAllFlags: z.array(z.string()),
  source: sourceRefSchema,
});

export const summaryBandSchema = z.strictObject({ minMet: z.number().int().min(0), label: text });

export const summaryBandsSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('derived') }),
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({ mode: z.literal('explicit'), bands: z.array(summaryBandSchema).min(1), source: sourceRefSchema }),
]);

/** Revocation thresholds as data (QĐ 18/2022/QĐ-TTg for 2021–2025), so a later decision is a data change. */
export const revocationRuleSchema = z.strictObject({
  withKeyCriterionFromPercent: z.number().int().min(1).max(100),
  anyFromPercent: z.number().int().min(1).max(100),
  keyCriteria: z.array(z.number().int().min(1)).min(1),
  source: sourceRefSchema,
});

export const catalogSchema = z.strictObject({
  /** Lets authors point their editor at catalog.schema.json; ignored by the app. */
  $schema: z.string().optional(),
  format: z.literal(CATALOG_FORMAT),
  formatVersion: z.literal(CATALOG_FORMAT_VERSION),
  id: z.string().regex(/^[A-Z0-9][A-Z0-9._-]*$/, 'Mã bộ tiêu chí chỉ gồm chữ in hoa, số và . _ -'),
  revision: z.number().int().min(1),
  name: text,
  level: levelSchema,
  issuer: z.strictObject({ kind: z.enum(['trung_uong', 'tinh']), name: text }),
  legalBasis: legalBasisSchema,
  amendments: z.array(legalBasisSchema),
  period: z.strictObject({ fromYear: year, toYear: year }),
  differentiation: z.enum(['none', 'region7', 'group3']),
  profileFlags: z.array(profileFlagSchema),
  regionSubstitution: regionSubstitutionSchema.nullable(),
  summaryBands: summaryBandsSchema,
  revocation: revocationRuleSchema.nullable(),
  completeness: z.enum(['complete', 'partial']),
  gaps: z.array(text),
  criteria: z.array(criterionSchema).min(1),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type ThresholdRule = z.infer<typeof thresholdRuleSchema>;
export type ThresholdTest = z.infer<typeof thresholdTestSchema>;
export type AppliesTo = z.infer<typeof appliesToSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type LegalBasis = z.infer<typeof legalBasisSchema>;
export type CatalogLevel = z.infer<typeof levelSchema>;
export type RevocationRule = z.infer<typeof revocationRuleSchema>;
export type SummaryBandsSpec = z.infer<typeof summaryBandsSchema>;
