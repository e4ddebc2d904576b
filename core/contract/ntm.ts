import { z } from 'zod';
import { method } from './method';
import type { UnitCodeMapping } from './reform';

/** A quarter, e.g. "2026-Q3". Assessments are per commune and quarter. */
export const periodSchema = z.string().regex(/^\d{4}-Q[1-4]$/, { message: 'Kỳ phải có dạng NNNN-Qn, ví dụ 2026-Q3.' });

export const ntmLevelSchema = z.enum(['xa_ntm', 'xa_ntm_nang_cao', 'xa_ntm_kieu_mau', 'xa_ntm_hien_dai']);
export type NtmLevel = z.infer<typeof ntmLevelSchema>;

export const NTM_LEVEL_LABELS: Record<NtmLevel, string> = {
  xa_ntm: 'Xã đạt chuẩn NTM',
  xa_ntm_nang_cao: 'Xã NTM nâng cao',
  xa_ntm_kieu_mau: 'Xã NTM kiểu mẫu',
  xa_ntm_hien_dai: 'Xã NTM hiện đại',
};

export const indicatorValueSchema = z.union([z.boolean(), z.number().finite(), z.string().max(2000), z.null()]);

const catalogRef = { catalogId: z.string().min(1).max(100).optional() };
const communeRef = { unitCode: z.string().regex(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số.' }) };

export const ntmSchemas = {
  catalogsList: z.object({}).strict(),
  catalogsGet: z.object({ id: z.string().min(1).max(100), revision: z.number().int().min(1).optional() }),
  catalogsImport: z.object({ document: z.unknown() }),
  communesList: z.object({ period: periodSchema.optional() }),
  communesSetProfile: z.object({
    unitCodes: z.array(communeRef.unitCode).min(1).max(5000),
    region: z.enum(['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL']).nullable().optional(),
    group: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().optional(),
    flags: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.boolean().nullable()).optional(),
  }),
  assessmentGet: z.object({ ...communeRef, period: periodSchema, ...catalogRef }),
  assessmentSetValue: z.object({
    ...communeRef,
    period: periodSchema,
    ...catalogRef,
    indicatorCode: z.string().min(1).max(50),
    value: indicatorValueSchema.optional(),
    manualMet: z.boolean().nullable().optional(),
    evidence: z.string().max(4000).nullable().optional(),
  }),
  assessmentSetStatus: z.object({
    ...communeRef,
    period: periodSchema,
    ...catalogRef,
    status: z.enum(['draft', 'submitted', 'locked']),
    reason: z.string().trim().max(1000).optional(),
  }),
  assessmentCopyPrevious: z.object({ period: periodSchema, ...catalogRef }),
  matrix: z.object({ period: periodSchema, ...catalogRef }),
  overview: z.object({ period: periodSchema, ...catalogRef }),
  recognitionsList: z.object({ unitCode: communeRef.unitCode.optional() }),
  recognitionsAdd: z.object({
    ...communeRef,
    level: ntmLevelSchema,
    decisionNo: z.string().trim().min(1).max(100),
    decidedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày theo dạng YYYY-MM-DD.' }),
    issuer: z.string().trim().min(1).max(200),
    catalogId: z.string().max(100).nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
  }),
  recognitionsRevoke: z.object({
    id: z.string().uuid(),
    decisionNo: z.string().trim().min(1).max(100),
    revokedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  evidenceAdd: z.object({
    ...communeRef,
    period: periodSchema,
    ...catalogRef,
    indicatorCode: z.string().min(1).max(50),
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.string().max(30 * 1024 * 1024),
  }),
  evidenceGet: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  xlsxExport: z.object({ period: periodSchema, ...catalogRef }),
  xlsxImport: z.object({ period: periodSchema, ...catalogRef, contentBase64: z.string().min(1).max(40 * 1024 * 1024) }),
};

export type NtmCatalogSummary = {
  id: string;
  revision: number;
  name: string;
  level: string;
  periodFrom: number;
  periodTo: number;
  origin: 'shipped' | 'imported' | 'edited';
  decision: string;
  completeness: 'complete' | 'partial';
  criteriaCount: number;
  indicatorCount: number;
  manualIndicatorCount: number;
  gaps: string[];
};

export type NtmCommune = {
  unitCode: string;
  name: string;
  fullName: string;
  era: 'before-2025-07' | 'current';
  region: string | null;
  group: number | null;
  flags: Record<string, boolean>;
  level: NtmLevel | null;
};

export type IndicatorStatusName = 'met' | 'not_met' | 'needs_manual' | 'missing_value';

export type NtmIndicatorView = {
  code: string;
  criterionNo: number;
  text: string;
  valueKind: 'boolean' | 'number' | 'percent' | 'choice' | 'text';
  unit: string | null;
  choices: { value: string; label: string }[] | null;
  judgement: 'rule' | 'manual';
  value: boolean | number | string | null;
  manualMet: boolean | null;
  evidence: string | null;
  files: { sha256: string; fileName: string; size: number }[];
  status: IndicatorStatusName;
  reasonText: string;
  /** The threshold that applies to this commune, with its source, or the sourced reference for a manual one. */
  thresholdText: string | null;
  enteredBy: string | null;
  enteredAt: string | null;
};

export type NtmCriterionView = {
  no: number;
  name: string;
  group: string | null;
  sector: string | null;
  status: 'met' | 'not_met' | 'undetermined';
  notMet: string[];
  needsManual: string[];
  missingValue: string[];
};

export type NtmRisk = { atRisk: boolean; applicable: boolean; message: string };

export type NtmAssessmentView = {
  commune: NtmCommune;
  period: string;
  catalog: NtmCatalogSummary;
  assessment: { id: string; status: 'draft' | 'submitted' | 'locked'; updatedAt: string; updatedBy: string | null } | null;
  indicators: NtmIndicatorView[];
  criteria: NtmCriterionView[];
  metCount: number;
  criteriaCount: number;
  band: string | null;
  risk: NtmRisk;
};

export type NtmMatrix = {
  period: string;
  catalog: NtmCatalogSummary;
  criteria: { no: number; name: string }[];
  rows: {
    unitCode: string;
    name: string;
    level: NtmLevel | null;
    /** One letter per criterion in catalog order: D = đạt, K = không đạt, ? = chưa xác định. */
    statuses: string;
    metCount: number;
    band: string | null;
    atRisk: boolean;
    assessmentStatus: 'draft' | 'submitted' | 'locked' | null;
  }[];
};

export type NtmOverview = {
  period: string;
  previousPeriod: string;
  catalog: NtmCatalogSummary;
  communeCount: number;
  assessedCount: number;
  byLevel: Record<NtmLevel, number>;
  bands: { label: string; count: number; previous: number }[];
  averageMet: number | null;
  previousAverageMet: number | null;
  /** Per quarter, under the criteria set in force then (`criteriaCount` of that set; null: no assessment). */
  trend: { period: string; averageMet: number | null; fullyMet: number; assessed: number; criteriaCount: number | null }[];
  /**
   * Communes at risk of losing their recognition: by the quarter's assessment under the catalog's revocation rule
   * (source 'assessment'), or by a re-assessment round's outcome "phải khắc phục" / "đề nghị thu hồi" not yet
   * resolved (source 'round', the round named). A commune may appear once for each source.
   */
  atRisk: NtmAtRisk[];
};

export type NtmAtRisk = {
  unitCode: string;
  name: string;
  message: string;
  source: 'assessment' | 'round';
  round: {
    id: string;
    title: string;
    documentNo: string;
    documentDate: string;
    outcome: 'remedy' | 'revoke_proposed';
    remedyDue: string | null;
    /** A remedy deadline past without the remedy recorded. */
    overdue: boolean;
  } | null;
};

export type NtmRecognition = {
  id: string;
  unitCode: string;
  communeName: string;
  level: NtmLevel;
  decisionNo: string;
  decidedOn: string;
  issuer: string;
  catalogId: string | null;
  revokedDecisionNo: string | null;
  revokedOn: string | null;
  note: string | null;
  /** A re-assessment round's outcome that put this decision at stake (đề nghị thu hồi, phải khắc phục), the latest. */
  roundOutcome: { roundId: string; roundTitle: string; documentNo: string; outcome: 'remedy' | 'revoke_proposed'; reason: string | null; remedyDue: string | null } | null;
};

/** A recognition as the history across the reform shows it, with the office whose records hold it. */
export type NtmHistoryRecognition = {
  id: string;
  level: NtmLevel;
  decisionNo: string;
  decidedOn: string;
  issuer: string;
  revokedDecisionNo: string | null;
  revokedOn: string | null;
  officeCode: string;
};

/** The latest quarter assessed for a unit (any office), evaluated under the catalog it was entered with. */
export type NtmHistoryAssessment = {
  period: string;
  catalogId: string;
  catalogName: string;
  status: 'draft' | 'submitted' | 'locked';
  metCount: number;
  criteriaCount: number;
  band: string | null;
  officeCode: string;
};

/** One unit's NTM records, read as they were recorded (never rewritten), with the lineage link that relates it. */
export type NtmHistoryUnit = {
  unitCode: string;
  fullName: string;
  era: 'before-2025-07' | 'current';
  /** For a predecessor or successor: the share and the resolution clause; null for the unit itself. */
  link: { share: 'full' | 'partial'; resolution: string; clauseText: string } | null;
  recognitions: NtmHistoryRecognition[];
  lastAssessment: NtmHistoryAssessment | null;
};

export type NtmHistory = {
  reformDate: string;
  /** 'predecessors' for a new commune, 'successors' for an old one. */
  direction: 'predecessors' | 'successors';
  own: NtmHistoryUnit;
  related: NtmHistoryUnit[];
};

export const ntmContract = {
  /** NTM criteria catalogs shipped or imported (each a versioned document with sources). */
  'ntm.catalogs.list': method(ntmSchemas.catalogsList, 'No input.').returns<NtmCatalogSummary[]>(),
  'ntm.catalogs.get': method(ntmSchemas.catalogsGet, 'Latest revision when revision is omitted.').returns<{
    summary: NtmCatalogSummary;
    document: unknown;
  }>(),
  /** Import a catalog document (JSON, format "ntm-desk/ntm-catalog"); every problem listed on CATALOG_INVALID. */
  'ntm.catalogs.import': method(ntmSchemas.catalogsImport, 'The parsed JSON document, not a path.').returns<NtmCatalogSummary>(),
  /** Communes this office manages, with profile (region, group, flags) and current recognition level. */
  'ntm.communes.list': method(ntmSchemas.communesList, 'No path; communes follow the office profile.').returns<NtmCommune[]>(),
  'ntm.communes.setProfile': method(ntmSchemas.communesSetProfile, 'Omitted fields stay unchanged; null clears.').returns<{
    updated: number;
  }>(),
  /** One commune's assessment for a quarter under a catalog (the one in force for the year when omitted). */
  'ntm.assessment.get': method(ntmSchemas.assessmentGet, 'Returns an empty view when nothing is entered yet.').returns<NtmAssessmentView>(),
  /** Enter one indicator's value / hand judgement / evidence note; refused with ASSESSMENT_LOCKED when locked. */
  'ntm.assessment.setValue': method(ntmSchemas.assessmentSetValue, 'Creates the draft when needed.').returns<NtmAssessmentView>(),
  /** draft → submitted → locked; reopening a submitted or locked quarter needs a reason (audited). */
  'ntm.assessment.setStatus': method(ntmSchemas.assessmentSetStatus, 'reason required to reopen.').returns<NtmAssessmentView>(),
  /** Start a quarter from the previous one: copies values into new drafts for communes without one. */
  'ntm.assessment.copyPrevious': method(ntmSchemas.assessmentCopyPrevious, 'Never overwrites an existing assessment.').returns<{
    created: number;
    copiedValues: number;
    /** Communes whose unit does not exist in the new quarter (ended or began with the 1 July 2025 reform). */
    skippedOutOfEra: number;
    fromPeriod: string;
  }>(),
  /** Communes × criteria for a quarter. */
  'ntm.matrix': method(ntmSchemas.matrix, 'Whole office in one call.').returns<NtmMatrix>(),
  /** Overview figures for a quarter with the previous quarter and an 8-quarter trend. */
  'ntm.overview': method(ntmSchemas.overview, 'No input beyond the period.').returns<NtmOverview>(),
  'ntm.recognitions.list': method(ntmSchemas.recognitionsList, 'All communes when unitCode is omitted.').returns<NtmRecognition[]>(),
  'ntm.recognitions.add': method(ntmSchemas.recognitionsAdd, 'A recognition decision (NTM, nâng cao, kiểu mẫu).').returns<NtmRecognition>(),
  'ntm.recognitions.revoke': method(ntmSchemas.recognitionsRevoke, 'Records the revoking decision; the row stays.').returns<NtmRecognition>(),
  /** Attach an evidence file to an indicator (content-addressed store; PDF, images, Office files; 25 MB max). */
  'ntm.evidence.add': method(ntmSchemas.evidenceAdd, 'File content as base64, never a path.').returns<NtmAssessmentView>(),
  'ntm.evidence.get': method(ntmSchemas.evidenceGet, 'Hash checked on read.').returns<{ fileName: string; mime: string; contentBase64: string }>(),
  /** The quarter as an Excel workbook (communes × indicators, values prefilled, "Hướng dẫn" sheet) to fill offline. */
  'ntm.xlsx.export': method(ntmSchemas.xlsxExport, 'Returns the file as base64; the host chooses where to save it.').returns<{
    fileName: string;
    contentBase64: string;
  }>(),
  /** Imports a filled workbook in one transaction; any bad cell refuses the whole file (XLSX_INVALID lists every problem). */
  'ntm.xlsx.import': method(ntmSchemas.xlsxImport, 'File content as base64, never a path; empty cells change nothing.').returns<{
    applied: number;
    unchanged: number;
    /** Present when a current office imported rows with old commune codes (read through the lineage, or waiting). */
    unitMapping?: UnitCodeMapping;
  }>(),
  /**
   * A commune's NTM history across the 1 July 2025 reform: a new commune with its predecessors' recognitions and
   * last assessments (from the rows of any office, e.g. a district's merged bundle), an old one with its successors.
   */
  'ntm.history': method(
    z.object({ ...communeRef, era: z.enum(['before-2025-07', 'current']).optional() }),
    'Read-only; era defaults to the era of the office\'s own commune with that code, else current.',
  ).returns<NtmHistory>(),
} as const;
