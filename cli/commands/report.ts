import { join, resolve } from 'node:path';
import type { ReportFile } from '../../core/contract/reports';
import { AppError } from '../../core/errors';
import { isReportPeriod } from '../../core/reports/period';
import { writeFileAtomic } from '../../services/attachments';
import type { CliCommand } from '../types';
import { callOrThrow, withApp } from './foundation';

const USAGE = 'report --period 2026-Q3|2026-H1|2026 --out DIR [--office CODE] [--id REPORT_ID] [--json]';

/**
 * Writes the period's report (DOCX, NĐ 30/2020/NĐ-CP) and its annex tables (XLSX) to a folder: today's figures with
 * the period's draft narrative, or with --id a saved report exactly as it was saved.
 */
export const reportCommand: CliCommand = {
  path: ['report'],
  summary: 'Xuất báo cáo định kỳ (DOCX theo Nghị định 30/2020) và các biểu phụ lục (XLSX) ra một thư mục',
  usage: USAGE,
  options: {
    period: { type: 'string', description: 'Kỳ báo cáo: 2026-Q3 (quý), 2026-H1 / 2026-H2 (6 tháng) hoặc 2026 (năm)' },
    out: { type: 'string', description: 'Thư mục ghi tệp (tạo nếu chưa có)' },
    office: { type: 'string', description: 'Mã văn phòng có số liệu (mặc định: văn phòng này)' },
    id: { type: 'string', description: 'Mã một báo cáo đã lưu: xuất đúng như lúc lưu' },
  },
  run: async (ctx, { values }) => {
    const period = typeof values.period === 'string' ? values.period : undefined;
    const id = typeof values.id === 'string' ? values.id : undefined;
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (!out || (!period && !id)) throw new AppError('CLI_BAD_ARGUMENTS', `Thiếu --out hoặc --period. Cách dùng: ${USAGE}`);
    if (period && !isReportPeriod(period)) throw new AppError('CLI_BAD_ARGUMENTS', `Kỳ "${period}" không hợp lệ: dùng 2026-Q3, 2026-H1 hoặc 2026.`);
    const input = id ? { id } : { period, ...(typeof values.office === 'string' ? { officeCode: values.office } : {}) };
    const dir = resolve(ctx.cwd, out);
    return withApp(ctx, async (app) => {
      const files: string[] = [];
      for (const method of ['reports.docx', 'reports.xlsx'] as const) {
        const file = await callOrThrow<ReportFile>(app, method, input);
        const path = join(dir, file.fileName);
        writeFileAtomic(path, Buffer.from(file.contentBase64, 'base64'));
        files.push(path);
      }
      return { files };
    });
  },
  format: (v) => `Đã ghi:\n${(v as { files: string[] }).files.map((f) => `  ${f}`).join('\n')}`,
};
