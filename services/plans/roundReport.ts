import type { ReportFile } from '../../core/contract/reports';
import type { ServiceContext } from '../context';
import { documentLines, fileSlug, type DocumentLineOverrides } from '../reports/documentLines';
import { roundReportData } from './roundReportData';
import { roundReportDocx, roundReportSubject } from './roundReportDocx';
import { roundReportXlsx } from './roundReportXlsx';

export type RoundReportInput = { id: string; document?: DocumentLineOverrides & { subject?: string } };

/**
 * The lines of the round's report: dated the day the round reported (today before that), sent to the body that
 * ordered the round "để báo cáo" before the settings' recipients.
 */
async function linesFor(ctx: ServiceContext, input: RoundReportInput) {
  const data = await roundReportData(ctx, input.id);
  const lines = await documentLines(ctx, input.document, { date: data.round.reportedOn ?? undefined, recipientsFirst: [`${data.round.issuer} (để báo cáo)`] });
  return { data, lines, subject: input.document?.subject?.trim() || roundReportSubject(data.round) };
}

const baseName = (documentNo: string) => `ket-qua-ra-soat-${fileSlug(documentNo)}`;

/** The round's report as DOCX (NĐ 30/2020/NĐ-CP). */
export async function roundReportDocxFile(ctx: ServiceContext, input: RoundReportInput): Promise<ReportFile> {
  const { data, lines, subject } = await linesFor(ctx, input);
  const buffer = await roundReportDocx(data, lines, subject);
  return { fileName: `bao-cao-${baseName(data.round.documentNo)}.docx`, contentBase64: buffer.toString('base64') };
}

/** The annex of the round's report as XLSX: every discrepancy and the counts. */
export async function roundReportXlsxFile(ctx: ServiceContext, input: RoundReportInput): Promise<ReportFile> {
  const { data, lines } = await linesFor(ctx, input);
  const buffer = await roundReportXlsx(data, lines);
  return { fileName: `phu-luc-${baseName(data.round.documentNo)}.xlsx`, contentBase64: buffer.toString('base64') };
}
