import type { PlanReportSection } from '../plans/reportSection';
import type { ReportPeriodKind } from './period';

/**
 * The report model: every figure of a periodic report with the units or products behind it, so a figure can be
 * opened to the list it counts, and the whole model can be stored as the JSON snapshot a report was made from.
 * Regenerating a DOCX or XLSX from a stored snapshot gives the same figures (it never reads the database again).
 */
export const REPORT_MODEL_FORMAT = 'ntm-desk/report-model';
/**
 * 1: the NTM and OCOP figures. 2: adds `planResults` ("kết quả so với kế hoạch"). A snapshot of an older format is
 * read by readReportSnapshot (snapshot.ts), which says what it lacks instead of inventing it.
 */
export const REPORT_MODEL_FORMAT_VERSION = 2;

/** A count with what it counts: commune unit codes or OCOP product ids. `value` is always `ids.length`. */
export type Figure = { readonly value: number; readonly kind: 'commune' | 'product'; readonly ids: readonly string[] };

export type NtmLevelKey = 'xa_ntm' | 'xa_ntm_nang_cao' | 'xa_ntm_kieu_mau' | 'xa_ntm_hien_dai';
export type LevelKey = NtmLevelKey | 'none';

export type CriterionStatusLetter = 'D' | 'K' | '?';

export type ReportCommuneRow = {
  readonly unitCode: string;
  readonly name: string;
  readonly level: LevelKey;
  readonly assessmentStatus: 'draft' | 'submitted' | 'locked' | null;
  /** One letter per criterion in catalog order (D đạt, K không đạt, ? chưa xác định); '' when not assessed. */
  readonly statuses: string;
  readonly metCount: number | null;
  readonly band: string | null;
  readonly atRisk: boolean;
  readonly riskMessage: string | null;
};

export type ReportProductRow = {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly producerName: string;
  readonly unitCode: string;
  readonly unitName: string;
  /** Stars of the certificate in force at the as-of date; null when none. */
  readonly stars: number | null;
  readonly certificateNo: string | null;
  readonly issuedOn: string | null;
  readonly expiresOn: string | null;
  /** Status at the as-of date (from the product's history); null when the product did not exist yet. */
  readonly status: string | null;
  readonly statusLabel: string | null;
  readonly newInPeriod: boolean;
  readonly expiringSoon: boolean;
  readonly inProgress: boolean;
};

export type ReportModel = {
  readonly format: typeof REPORT_MODEL_FORMAT;
  readonly formatVersion: typeof REPORT_MODEL_FORMAT_VERSION;
  readonly period: string;
  readonly periodKind: ReportPeriodKind;
  readonly periodLabel: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The date the figures are counted at: the period's end, or the day the report was made if earlier. */
  readonly asOf: string;
  readonly previousPeriod: string;
  readonly previousPeriodLabel: string;
  readonly previousAsOf: string;
  readonly assessmentQuarter: string;
  readonly previousAssessmentQuarter: string;
  readonly generatedAt: string;
  /** The issuing office (header and signature); dataOffice is whose records are counted (itself, or a merged office). */
  readonly office: {
    readonly code: string;
    readonly dataOfficeCode: string;
    readonly dataOfficeName: string;
    readonly kind: 'district' | 'commune' | 'province';
    readonly officeName: string;
    readonly parentBodyName: string;
    readonly unitName: string;
    readonly placeName: string;
    readonly provinceName: string;
  };
  readonly ntm: {
    readonly catalog: { readonly id: string; readonly revision: number; readonly name: string; readonly decision: string } | null;
    readonly criteria: readonly { readonly no: number; readonly name: string; readonly sector: string | null }[];
    readonly communes: Figure;
    readonly levels: readonly { readonly level: LevelKey; readonly label: string; readonly current: Figure; readonly previous: Figure }[];
    /** Communes holding at least xã NTM (any level) at the as-of date and at the previous as-of date. */
    readonly recognized: { readonly current: Figure; readonly previous: Figure };
    readonly recognizedInPeriod: Figure;
    readonly revokedInPeriod: Figure;
    readonly assessed: Figure;
    readonly previousAssessed: Figure;
    /** Bands of criteria met (QĐ 318 reporting groups, or derived); previous is null under another catalog. */
    readonly bands: readonly { readonly label: string; readonly minMet: number; readonly maxMet: number; readonly current: Figure; readonly previous: Figure | null }[];
    readonly averageMet: number | null;
    readonly previousAverageMet: number | null;
    /** Per criterion: communes not meeting it (with the sector responsible), and those still undetermined. */
    readonly criteriaNotMet: readonly { readonly no: number; readonly name: string; readonly sector: string | null; readonly notMet: Figure; readonly undetermined: Figure }[];
    readonly atRisk: Figure;
    readonly rows: readonly ReportCommuneRow[];
    readonly trend: readonly { readonly quarter: string; readonly recognized: Figure; readonly fullyMet: Figure; readonly assessed: number; readonly averageMet: number | null }[];
  };
  readonly ocop: {
    readonly horizonEnd: string;
    readonly byStars: readonly { readonly stars: 3 | 4 | 5; readonly current: Figure; readonly previous: Figure; readonly newInPeriod: Figure; readonly expiringSoon: Figure }[];
    readonly total: Figure;
    readonly previousTotal: Figure;
    readonly newInPeriod: Figure;
    readonly expiringSoon: Figure;
    readonly inProgress: Figure;
    readonly inProgressByStatus: readonly { readonly status: string; readonly label: string; readonly figure: Figure }[];
    readonly rows: readonly ReportProductRow[];
  };
  /**
   * "Kết quả so với kế hoạch": every plan covering the report's year, measured at the as-of date (an empty list
   * when no plan covers it: the report says so). null only in a snapshot saved before format 2, whose documents
   * had no such section and keep having none.
   */
  readonly planResults: PlanReportSection | null;
};

export const LEVEL_LABELS: Record<LevelKey, string> = {
  xa_ntm_hien_dai: 'Xã NTM hiện đại',
  xa_ntm_kieu_mau: 'Xã NTM kiểu mẫu',
  xa_ntm_nang_cao: 'Xã NTM nâng cao',
  xa_ntm: 'Xã đạt chuẩn NTM',
  none: 'Xã chưa đạt chuẩn',
};

/** Highest first, as the tables list them. */
export const LEVEL_ORDER: readonly LevelKey[] = ['xa_ntm_hien_dai', 'xa_ntm_kieu_mau', 'xa_ntm_nang_cao', 'xa_ntm', 'none'];

export const LEVEL_RANK: Record<NtmLevelKey, number> = { xa_ntm: 1, xa_ntm_nang_cao: 2, xa_ntm_kieu_mau: 3, xa_ntm_hien_dai: 4 };

export function figureOf(kind: Figure['kind'], ids: Iterable<string>): Figure {
  const list = [...ids];
  return { value: list.length, kind, ids: list };
}
