import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NtmCatalogSummary } from '../../core/contract/ntm';
import { AppError } from '../../core/errors';
import { writeFileAtomic } from '../../services/attachments';
import type { CliCommand, CliContext } from '../types';
import { callOrThrow, withApp } from './foundation';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function readInput(ctx: CliContext, file: string | undefined, usage: string): { path: string; content: Buffer } {
  if (!file) throw new AppError('CLI_BAD_ARGUMENTS', `Thiếu tên tệp. Cách dùng: ${usage}`);
  const path = resolve(ctx.cwd, file);
  try {
    return { path, content: readFileSync(path) };
  } catch {
    throw new AppError('FILE_UNREADABLE', `Không đọc được tệp "${path}".`, { path });
  }
}

function required(value: unknown, option: string, usage: string): string {
  const s = str(value);
  if (!s) throw new AppError('CLI_BAD_ARGUMENTS', `Thiếu --${option}. Cách dùng: ${usage}`);
  return s;
}

/** XLSX_INVALID's message shows the first problems; on the command line every one is listed, a line each. */
function withEveryProblem(e: unknown): unknown {
  if (!(e instanceof AppError) || e.code !== 'XLSX_INVALID') return e;
  const problems =
    (e.details as { problems?: { sheet: string | null; cell: string | null; reason: string }[] } | undefined)
      ?.problems ?? [];
  const lines = problems.map((p) => `  ${[p.sheet, p.cell].filter(Boolean).join('!') || 'Tệp'}: ${p.reason}`);
  return new AppError(e.code, `Tệp Excel có ${problems.length} lỗi, chưa nhập ô nào:\n${lines.join('\n')}`, e.details);
}

const summaryLine = (c: NtmCatalogSummary): string =>
  `${c.id.padEnd(28)} lần sửa ${c.revision}  ${c.periodFrom}–${c.periodTo}  ${c.criteriaCount} tiêu chí, ${c.indicatorCount} chỉ tiêu (${c.manualIndicatorCount} thủ công)  ${c.origin === 'shipped' ? 'kèm ứng dụng' : 'đã nhập'}${c.completeness === 'partial' ? '  [chưa đầy đủ]' : ''}\n    ${c.name}`;

export const ntmCatalogListCommand: CliCommand = {
  path: ['ntm', 'catalog', 'list'],
  summary: 'Liệt kê các bộ tiêu chí nông thôn mới (kèm ứng dụng và đã nhập)',
  usage: 'ntm catalog list [--json]',
  options: {},
  run: (ctx) => withApp(ctx, (app) => callOrThrow<NtmCatalogSummary[]>(app, 'ntm.catalogs.list', {})),
  format: (v) => (v as NtmCatalogSummary[]).map(summaryLine).join('\n'),
};

const CATALOG_IMPORT_USAGE = 'ntm catalog import FILE.json [--json]';
export const ntmCatalogImportCommand: CliCommand = {
  path: ['ntm', 'catalog', 'import'],
  summary: 'Nhập một bộ tiêu chí NTM (tệp JSON định dạng "ntm-desk/ntm-catalog"); mọi lỗi được liệt kê',
  usage: CATALOG_IMPORT_USAGE,
  options: {},
  run: async (ctx, { positionals }) => {
    const { path, content } = readInput(ctx, positionals[0], CATALOG_IMPORT_USAGE);
    let document: unknown;
    try {
      document = JSON.parse(content.toString('utf8'));
    } catch (e) {
      throw new AppError('CATALOG_INVALID', `Tệp "${path}" không phải JSON hợp lệ: ${(e as Error).message}`, { path });
    }
    return withApp(ctx, (app) => callOrThrow<NtmCatalogSummary>(app, 'ntm.catalogs.import', { document }));
  },
  format: (v) => `Đã nhập bộ tiêu chí:\n${summaryLine(v as NtmCatalogSummary)}`,
};

const CATALOG_EXPORT_USAGE = 'ntm catalog export ID [--revision N] [--out FILE.json] [--json]';
export const ntmCatalogExportCommand: CliCommand = {
  path: ['ntm', 'catalog', 'export'],
  summary: 'Xuất một bộ tiêu chí NTM ra tệp JSON (để xem, sửa thành bộ của tỉnh rồi nhập lại)',
  usage: CATALOG_EXPORT_USAGE,
  options: {
    out: { type: 'string', description: 'Tệp JSON sẽ ghi (mặc định: in ra màn hình)' },
    revision: { type: 'string', description: 'Lần sửa (mặc định: mới nhất)' },
  },
  run: async (ctx, { values, positionals }) => {
    const id = positionals[0];
    if (!id) throw new AppError('CLI_BAD_ARGUMENTS', `Thiếu mã bộ tiêu chí. Cách dùng: ${CATALOG_EXPORT_USAGE}`);
    const revision = values.revision === undefined ? undefined : Number(values.revision);
    const got = await withApp(ctx, (app) =>
      callOrThrow<{ summary: NtmCatalogSummary; document: unknown }>(app, 'ntm.catalogs.get', { id, revision }),
    );
    const out = str(values.out);
    if (!out) return got;
    const path = resolve(ctx.cwd, out);
    writeFileAtomic(path, Buffer.from(`${JSON.stringify(got.document, null, 2)}\n`, 'utf8'));
    return { path, summary: got.summary };
  },
  format: (v) => {
    const r = v as { path?: string; summary: NtmCatalogSummary; document?: unknown };
    return r.path
      ? `Đã ghi bộ tiêu chí ${r.summary.id} (lần sửa ${r.summary.revision}) vào ${r.path}`
      : JSON.stringify(r.document, null, 2);
  },
};

const xlsxOptions = {
  period: { type: 'string', description: 'Kỳ đánh giá, ví dụ 2025-Q2' },
  xlsx: { type: 'string', description: 'Tệp Excel (.xlsx)' },
  catalog: { type: 'string', description: 'Mã bộ tiêu chí (mặc định: bộ xã NTM áp dụng cho năm của kỳ)' },
} as const;

const ASSESS_EXPORT_USAGE = 'ntm assess export --period 2025-Q2 --xlsx FILE.xlsx [--catalog ID] [--json]';
export const ntmAssessExportCommand: CliCommand = {
  path: ['ntm', 'assess', 'export'],
  summary: 'Xuất biểu đánh giá NTM của một kỳ ra Excel (xã × chỉ tiêu, có hướng dẫn) để điền',
  usage: ASSESS_EXPORT_USAGE,
  options: xlsxOptions,
  run: async (ctx, { values }) => {
    const period = required(values.period, 'period', ASSESS_EXPORT_USAGE);
    const path = resolve(ctx.cwd, required(values.xlsx, 'xlsx', ASSESS_EXPORT_USAGE));
    const file = await withApp(ctx, (app) =>
      callOrThrow<{ fileName: string; contentBase64: string }>(app, 'ntm.xlsx.export', {
        period,
        catalogId: str(values.catalog),
      }),
    );
    const content = Buffer.from(file.contentBase64, 'base64');
    writeFileAtomic(path, content);
    return { path, bytes: content.length, suggestedName: file.fileName };
  },
  format: (v) => {
    const r = v as { path: string; bytes: number };
    return `Đã ghi biểu đánh giá vào ${r.path} (${Math.ceil(r.bytes / 1024)} KB).`;
  },
};

const ASSESS_IMPORT_USAGE = 'ntm assess import --period 2025-Q2 --xlsx FILE.xlsx [--catalog ID] [--json]';
export const ntmAssessImportCommand: CliCommand = {
  path: ['ntm', 'assess', 'import'],
  summary: 'Nhập biểu đánh giá NTM đã điền (một ô sai thì không nhập gì, liệt kê mọi ô sai)',
  usage: ASSESS_IMPORT_USAGE,
  options: xlsxOptions,
  run: async (ctx, { values }) => {
    const period = required(values.period, 'period', ASSESS_IMPORT_USAGE);
    const { content } = readInput(ctx, required(values.xlsx, 'xlsx', ASSESS_IMPORT_USAGE), ASSESS_IMPORT_USAGE);
    try {
      return await withApp(ctx, (app) =>
        callOrThrow<{ applied: number; unchanged: number }>(app, 'ntm.xlsx.import', {
          period,
          catalogId: str(values.catalog),
          contentBase64: content.toString('base64'),
        }),
      );
    } catch (e) {
      throw withEveryProblem(e);
    }
  },
  format: (v) => {
    const r = v as { applied: number; unchanged: number };
    return `Đã nhập: ${r.applied} ô thay đổi, ${r.unchanged} ô giữ nguyên.`;
  },
};

export const NTM_COMMANDS: CliCommand[] = [
  ntmCatalogListCommand,
  ntmCatalogImportCommand,
  ntmCatalogExportCommand,
  ntmAssessExportCommand,
  ntmAssessImportCommand,
];
