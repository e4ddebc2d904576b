import { z } from 'zod';

/**
 * The score-sheet catalog document shipped in db/reference/ocop/ocop-score-catalog.json (built from the shared
 * research file by db/reference/ocop/build-catalog.mjs). Bump CATALOG_FORMAT_VERSION on any incompatible change
 * and teach loadCatalog to migrate the older one; a newer document is refused (STYLE.md §10).
 */
export const CATALOG_FORMAT = 'ntm-desk.ocop-score-catalog';
export const CATALOG_FORMAT_VERSION = 1;

/** Points are printed with at most one decimal (0.5 steps exist in some provincial sheets); scores are summed in tenths. */
const points = z
  .number()
  .min(0)
  .refine((x) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-9, { message: 'điểm phải có tối đa một chữ số thập phân' });

export const optionSchema = z.object({
  label: z.string().min(1),
  /** null only where the source left the cell blank (QĐ 148 transcription); choosing such an option is refused. */
  points: points.nullable(),
  /** "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao" (QĐ 26/2026/QĐ-TTg, Phụ lục II, ghi chú). */
  minStars: z.union([z.literal(3), z.literal(4), z.literal(5)]).nullable(),
});

export const criterionSchema = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  max: points,
  /** A sub-criterion (x.y.z) keeps the criterion it belongs to, for display. */
  parent: z.object({ code: z.string(), title: z.string(), max: points }).nullable(),
  /** Empty = yes/no item: full points if satisfied, 0 otherwise. */
  options: z.array(optionSchema),
  notes: z.array(z.string()),
  aliases: z.array(z.string()),
});

export const partCodeSchema = z.enum(['A', 'B', 'C']);

export const groupSchema = z.object({
  code: z.string().min(1),
  title: z.string(),
  max: points,
  criteria: z.array(criterionSchema).min(1),
});

export const partSchema = z.object({
  code: partCodeSchema,
  title: z.string(),
  max: points,
  groups: z.array(groupSchema).min(1),
});

export const sheetSchema = z.object({
  no: z.number().int().positive(),
  name: z.string().min(1),
  classification: z.string().nullable(),
  disqualification: z.string().nullable(),
  verified: z.boolean(),
  warnings: z.array(z.string()),
  parts: z.array(partSchema).length(3),
});

export const starBandSchema = z.object({
  stars: z.number().int().min(1).max(5),
  min: z.number().min(0),
  maxExclusive: z.number().nullable(),
});

export const versionSchema = z.object({
  id: z.string().min(1),
  decision: z.string(),
  status: z.enum(['current', 'superseded']),
  reliability: z.string(),
  complete: z.boolean(),
  minimumsKnown: z.boolean(),
  weights: z.object({ A: points, B: points, C: points }),
  starBands: z.array(starBandSchema).length(5),
  certificateValidityMonths: z.number().int().positive(),
  corrections: z.array(z.string()),
  gaps: z.array(z.string()),
  sheets: z.array(sheetSchema).min(1),
});

export const catalogDocumentSchema = z.object({
  format: z.literal(CATALOG_FORMAT),
  formatVersion: z.literal(CATALOG_FORMAT_VERSION),
  currentVersion: z.string(),
  source: z.record(z.string(), z.unknown()),
  versions: z.array(versionSchema).min(1),
});

export type CatalogDocument = z.infer<typeof catalogDocumentSchema>;
export type CatalogSheetDocument = z.infer<typeof sheetSchema>;
export type PartCode = z.infer<typeof partCodeSchema>;
