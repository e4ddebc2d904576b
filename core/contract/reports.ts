import { z } from 'zod';
import type { DeadlineRules, DeadlineSummary } from '../reports/deadlines';
import type { ReportModel } from '../reports/model';
import { REPORT_PERIOD_PATTERN, type ReportPeriodKind } from '../reports/period';
import { method } from './method';

/** A report period: "2026-Q3" (quarter), "2026-H1" / "2026-H2" (six months) or "2026" (year). */
export const reportPeriodSchema = z
  .string()
  .regex(REPORT_PERIOD_PATTERN, { message: 'Kỳ báo cáo có dạng 2026-Q3 (quý), 2026-H1 (6 tháng) hoặc 2026 (năm).' });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày theo dạng YYYY-MM-DD.' });
const officeCode = z.string().min(1).max(50).optional();
const nfc = (max: number) =>
  z
    .string()
    .max(max, { message: `Tối đa ${max} ký tự.` })
    .transform((s) => s.normalize('NFC'));

/** The office's own sections, written in the application and kept with the report. */
export const reportNarrativeSchema = z.object({
  results: nfc(20_000).default(''),
  limitations: nfc(20_000).default(''),
  tasks: nfc(20_000).default(''),
});
export type ReportNarrative = z.output<typeof reportNarrativeSchema>;

/** The document's own lines (NĐ 30/2020/NĐ-CP): number, symbol, place and date, subject, signer, recipients. */
export const reportHeaderSchema = z.object({
  documentNo: nfc(20).default(''),
  symbol: nfc(40).default('BC-UBND'),
  place: nfc(100),
  date: isoDate,
  subject: nfc(500),
  signerTitle: nfc(300).default(''),
  signerName: nfc(100).default(''),
  recipients: z.array(nfc(300)).max(30).default([]),
});
export type ReportHeader = z.output<typeof reportHeaderSchema>;

const deadlineRule = z.object({ monthOffset: z.number().int().min(0).max(3), day: z.number().int().min(1).max(31) }).nullable();

export const reportSettingsSchema = z.object({
  deadlines: z.object({ quarter: deadlineRule, half: deadlineRule, year: deadlineRule }),
  symbol: nfc(40),
  signerTitle: nfc(300),
  signerName: nfc(100),
  recipients: z.array(nfc(300)).max(30),
});
export type ReportSettings = z.output<typeof reportSettingsSchema>;

const target = z.union([z.object({ id: z.string().uuid() }).strict(), z.object({ period: reportPeriodSchema, officeCode }).strict()]);

export const reportsSchemas = {
  offices: z.object({}).strict(),
  preview: z.object({ period: reportPeriodSchema, officeCode }),
  saveDraft: z.object({ period: reportPeriodSchema, officeCode, narrative: reportNarrativeSchema, header: reportHeaderSchema }),
  save: z.object({ period: reportPeriodSchema, officeCode, narrative: reportNarrativeSchema, header: reportHeaderSchema }),
  list: z.object({ officeCode, period: reportPeriodSchema.optional() }),
  get: z.object({ id: z.string().uuid() }),
  file: target,
  deadlines: z.object({ today: isoDate.optional() }),
  settingsGet: z.object({}).strict(),
  settingsSet: reportSettingsSchema,
};

export type ReportOffice = { code: string; name: string; own: boolean };

export type ReportStatus = 'draft' | 'final';

export type ReportSummary = {
  id: string;
  officeCode: string;
  period: string;
  periodKind: ReportPeriodKind;
  periodLabel: string;
  /** 1, 2, … per office and period: each "Lưu phiên bản" makes a new final one. */
  revision: number;
  status: ReportStatus;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  finalizedAt: string | null;
  finalizedBy: string | null;
};

export type SavedReport = ReportSummary & {
  narrative: ReportNarrative;
  header: ReportHeader;
  /** The data snapshot the report was made from; null for a draft (a draft shows today's figures). */
  model: ReportModel | null;
};

export type ReportPreview = {
  model: ReportModel;
  /** The draft being written for this period, if any. */
  draft: SavedReport | null;
  finals: ReportSummary[];
  /** Header lines for a new draft (office profile and the report settings). */
  defaults: ReportHeader;
};

export type ReportDeadlines = DeadlineSummary & {
  today: string;
  rules: DeadlineRules;
  sources: Record<ReportPeriodKind, string>;
};

export type ReportFile = { fileName: string; contentBase64: string };

export const reportsContract = {
  /** Offices a report can be made for: this office, and in province mode the offices whose bundles were merged. */
  'reports.offices': method(reportsSchemas.offices, 'No input.').returns<ReportOffice[]>(),
  /** Today's figures for a period (quarter, six months, year), each with the communes or products behind it. */
  'reports.preview': method(reportsSchemas.preview, 'officeCode defaults to this office.').returns<ReportPreview>(),
  /** Autosave of the narrative and header into the period's draft (created when needed); never touches a final report. */
  'reports.saveDraft': method(reportsSchemas.saveDraft, 'Figures are not frozen by a draft.').returns<SavedReport>(),
  /** "Lưu phiên bản": freezes today's figures as the snapshot with the narrative; a new revision each time. */
  'reports.save': method(reportsSchemas.save, 'The saved report can no longer change.').returns<SavedReport>(),
  'reports.list': method(reportsSchemas.list, 'Newest first; every office when officeCode is omitted.').returns<ReportSummary[]>(),
  'reports.get': method(reportsSchemas.get, 'REPORT_NOT_FOUND when absent.').returns<SavedReport>(),
  /**
   * The report as DOCX (NĐ 30/2020/NĐ-CP): by id, a saved report from its snapshot; by period, the draft with today's
   * figures, else the latest saved version as saved, else today's figures.
   */
  'reports.docx': method(reportsSchemas.file, 'Returned as base64 for the caller to save; never a path.').returns<ReportFile>(),
  /** The annex tables (Biểu) as XLSX, one sheet per table; same input as reports.docx. */
  'reports.xlsx': method(reportsSchemas.file, 'Returned as base64 for the caller to save; never a path.').returns<ReportFile>(),
  /** The next report due and any overdue, from the deadline rules in the report settings. */
  'reports.deadlines': method(reportsSchemas.deadlines, 'today defaults to the current date in Việt Nam.').returns<ReportDeadlines>(),
  'reports.settings.get': method(reportsSchemas.settingsGet, 'No input.').returns<ReportSettings>(),
  /** Deadline rules (six-monthly and annual are unset until the office enters them), and signer defaults; audited. */
  'reports.settings.set': method(reportsSchemas.settingsSet, 'The whole settings object.').returns<ReportSettings>(),
} as const;
