import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportFile, SavedReport } from '../../core/contract/reports';
import { insertReport } from '../../db/reports';
import { openReportTestApp, docxParagraphs, type ReportTestApp } from './testing';

/**
 * A report saved with model format 1 (before "kết quả so với kế hoạch"): the snapshot as it sits in the database
 * and the DOCX paragraphs and XLSX cells that version of the application produced from it. It must keep
 * opening and printing exactly so (STYLE.md §10: a fixture of every released format).
 */
const FIXTURES = join(import.meta.dirname, '__fixtures__');
const snapshotV1 = readFileSync(join(FIXTURES, 'report-model-v1.json'), 'utf8');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'report-model-v1.expected.json'), 'utf8')) as {
  narrative: object;
  header: object;
  paragraphs: string[];
  sheets: Record<string, unknown[][]>;
};

let t: ReportTestApp;
afterEach(() => t?.close());

async function storeFinal(snapshot: string, id = '0190f3a0-0000-7000-8000-000000000001'): Promise<string> {
  await insertReport(t.app.context.db, {
    id, office_code: 'H417', updated_at: '2025-06-20T08:00:00.000Z', period: '2025-Q2', period_kind: 'quarter', revision: 1, status: 'final',
    narrative_json: JSON.stringify(expected.narrative), header_json: JSON.stringify(expected.header), snapshot_json: snapshot,
    created_at: '2025-06-20T08:00:00.000Z', created_by: 'Lô Thị Mai', finalized_at: '2025-06-20T08:00:00.000Z', finalized_by: 'Lô Thị Mai',
  });
  return id;
}

/** Every row of every sheet as the fixture was written: dates as ISO text, formulas by their text. */
async function sheetsOf(file: ReportFile): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (r) =>
      // Array.from visits the holes exceljs leaves for empty cells (the fixture's JSON wrote them as null).
      rows.push(
        Array.from((r.values as unknown[]).slice(1), (v) => (v instanceof Date ? v.toISOString() : v && typeof v === 'object' && 'formula' in v ? { formula: (v as { formula: string }).formula } : (v ?? null))),
      ),
    );
    out[ws.name] = rows;
  }
  return out;
}

describe('saved report snapshots across model formats', () => {
  it('opens a format-1 snapshot with no plan section and prints the same DOCX and XLSX as the version that saved it', async () => {
    t = await openReportTestApp();
    const id = await storeFinal(snapshotV1);
    const saved = await t.call<SavedReport>('reports.get', { id });
    expect(saved.model).toMatchObject({ formatVersion: 2, planResults: null, period: '2025-Q2', asOf: '2025-06-20' });
    const { formatVersion: _v, planResults: _p, ...figures } = saved.model!;
    const { formatVersion: _v1, ...stored } = JSON.parse(snapshotV1) as Record<string, unknown>;
    expect(figures).toEqual(stored);

    const text = docxParagraphs((await t.call<ReportFile>('reports.docx', { id })).contentBase64);
    expect(text).toEqual(expected.paragraphs);
    expect(text).toContain('3. Đánh giá chung');
    expect(text.some((p) => p.includes('Kết quả thực hiện so với kế hoạch'))).toBe(false);
    const sheets = await sheetsOf(await t.call<ReportFile>('reports.xlsx', { id }));
    expect(Object.keys(sheets)).toEqual(Object.keys(expected.sheets));
    expect(sheets).toEqual(expected.sheets);
  });

  it('refuses a snapshot of a newer format, and one that is not a report model, with a Vietnamese message', async () => {
    t = await openReportTestApp();
    const newer = await storeFinal(JSON.stringify({ ...JSON.parse(snapshotV1), formatVersion: 3 }));
    await expect(t.call('reports.get', { id: newer })).rejects.toMatchObject({ code: 'REPORT_SNAPSHOT_TOO_NEW', message: expect.stringContaining('phiên bản ứng dụng mới hơn') });
    await t.app.context.db.deleteFrom('report').execute();
    const other = await storeFinal(JSON.stringify({ format: 'something-else', formatVersion: 1 }), '0190f3a0-0000-7000-8000-000000000002');
    await expect(t.call('reports.docx', { id: other })).rejects.toMatchObject({ code: 'REPORT_SNAPSHOT_INVALID' });
  });
});
