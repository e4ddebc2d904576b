import type { reportsContract } from '../../core/contract/reports';
import type { HandlersFor } from '../handlers/types';
import { reportOffices } from './gather';
import { reportDocxFile, reportXlsxFile } from './reportFiles';
import { deadlines, getReport, getReportSettings, listReports, previewReport, saveDraft, saveReport, setReportSettings } from './reportService';

export const reportsHandlers = {
  'reports.offices': (ctx) => reportOffices(ctx),
  'reports.preview': (ctx, input) => previewReport(ctx, input),
  'reports.saveDraft': (ctx, input) => saveDraft(ctx, input),
  'reports.save': (ctx, input) => saveReport(ctx, input),
  'reports.list': (ctx, input) => listReports(ctx, input),
  'reports.get': (ctx, input) => getReport(ctx, input.id),
  'reports.docx': (ctx, input) => reportDocxFile(ctx, input),
  'reports.xlsx': (ctx, input) => reportXlsxFile(ctx, input),
  'reports.deadlines': (ctx, input) => deadlines(ctx, input),
  'reports.settings.get': (ctx) => getReportSettings(ctx),
  'reports.settings.set': (ctx, input) => setReportSettings(ctx, input),
} satisfies HandlersFor<keyof typeof reportsContract>;
