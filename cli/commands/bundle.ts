import { resolve } from 'node:path';
import { EXCHANGE_EVENTS, type ExchangeExport, type ExchangeImportResult, type ExchangeExportMode } from '../../core/contract/index';
import type { BundleManifest } from '../../core/bundle/manifest';
import { AppError } from '../../core/errors';
import { exportOfficeBundle } from '../../services/exchange/exportService';
import { importBundleFiles, inspectBundleFile, verifyBundleFile, type BundleCheck } from '../../services/exchange/importService';
import type { CliCommand } from '../types';
import { callOrThrow, withApp } from './foundation';
import { PASSPHRASE_OPTION, readPassphrase } from './passphrase';

/*
 * Bundles from the command line: the CLI is a host, so it takes file paths itself and calls the exchange
 * services directly (the contract carries file content as base64 for the renderer instead).
 */

function modeOf(value: unknown): ExchangeExportMode {
  if (value === undefined || value === 'incremental') return 'incremental';
  if (value === 'full') return 'full';
  throw new AppError('CLI_BAD_ARGUMENTS', 'Chế độ xuất phải là "full" (đầy đủ) hoặc "incremental" (chỉ phần thay đổi).');
}

function requirePaths(positionals: string[], min = 1): string[] {
  if (positionals.length < min) throw new AppError('CLI_BAD_ARGUMENTS', 'Thiếu đường dẫn tệp gói dữ liệu (.ntmb).');
  return positionals;
}

const countsLine = (counts: Record<string, number>) =>
  Object.keys(counts).length === 0 ? '(không có bản ghi mới)' : Object.entries(counts).map(([t, n]) => `${t}: ${n}`).join(', ');

export const bundleExportCommand: CliCommand = {
  path: ['bundle', 'export'],
  summary: 'Xuất gói dữ liệu đã ký và mã hoá để gửi lên tỉnh',
  usage: 'bundle export [--mode full|incremental] [--out FILE] [--period KY]... [--passphrase-file FILE]',
  options: {
    mode: { type: 'string', description: 'full: toàn bộ; incremental (mặc định): phần tỉnh chưa xác nhận đã nhận' },
    out: { type: 'string', description: 'Tệp ghi ra (mặc định: thư mục dữ liệu/exports/<mã>-<số>.ntmb)' },
    period: { type: 'string', multiple: true, description: 'Kỳ báo cáo ghi trong bản kê, ví dụ 2026-Q1' },
    ...PASSPHRASE_OPTION,
  },
  run: (ctx, args) =>
    withApp(ctx, async (app) => {
      let lastPercent = -1;
      const off = app.onEvent((e) => {
        if (e.name !== EXCHANGE_EVENTS.exportProgress) return;
        const p = e.payload as { bytesDone: number; bytesTotal: number };
        const percent = Math.floor((100 * p.bytesDone) / Math.max(1, p.bytesTotal));
        if (percent >= lastPercent + 10 || percent === 100) {
          lastPercent = percent;
          ctx.log(`Đang xuất: ${percent}%`);
        }
      });
      try {
        return await exportOfficeBundle(app.context, {
          mode: modeOf(args.values.mode),
          periods: Array.isArray(args.values.period) ? args.values.period : [],
          passphrase: readPassphrase(ctx, args),
          outputPath: typeof args.values.out === 'string' ? resolve(ctx.cwd, args.values.out) : undefined,
        });
      } finally {
        off();
      }
    }),
  format: (v) => {
    const e = v as ExchangeExport;
    return [
      `Đã xuất gói số ${e.sequence} (${e.mode === 'full' ? 'đầy đủ' : 'phần thay đổi'}) của ${e.officeCode}: ${e.fileName}, ${e.bytes} byte`,
      `Bản ghi: ${countsLine(e.counts)}; tệp đính kèm: ${e.attachmentCount}`,
      `SHA-256: ${e.sha256}`,
    ].join('\n');
  },
};

export const bundleInspectCommand: CliCommand = {
  path: ['bundle', 'inspect'],
  summary: 'Xem bản kê đã ký của một gói dữ liệu (giải mã phần đầu, kiểm tra chữ ký)',
  usage: 'bundle inspect FILE [--passphrase-file FILE]',
  options: { ...PASSPHRASE_OPTION },
  run: (ctx, args) => withApp(ctx, (app) => inspectBundleFile(app.context, resolve(ctx.cwd, requirePaths(args.positionals)[0]), readPassphrase(ctx, args))),
  format: (v) => {
    const r = v as { manifest: BundleManifest; signerFingerprint: string | null };
    return [
      `Đơn vị gửi: ${r.manifest.officeCode}, gói số ${r.manifest.sequence}, tạo lúc ${r.manifest.createdAt}`,
      `Kỳ: ${r.manifest.periods.join(', ') || '—'}`,
      `Bản ghi: ${countsLine(r.manifest.counts)}; tệp: ${r.manifest.files.length}`,
      `Chữ ký hợp lệ, dấu vân tay khoá ký: ${r.signerFingerprint ?? '—'}`,
    ].join('\n');
  },
};

export const bundleVerifyCommand: CliCommand = {
  path: ['bundle', 'verify'],
  summary: 'Kiểm tra toàn bộ gói dữ liệu như khi nhập (giải mã, chữ ký, mã băm, bản ghi) mà không ghi gì',
  usage: 'bundle verify FILE [--passphrase-file FILE]',
  options: { ...PASSPHRASE_OPTION },
  run: (ctx, args) =>
    withApp(ctx, async (app) => {
      const check = await verifyBundleFile(app.context, resolve(ctx.cwd, requirePaths(args.positionals)[0]), readPassphrase(ctx, args));
      if (check.replay) {
        throw new AppError('BUNDLE_REPLAY', 'Gói dữ liệu hợp lệ nhưng đã được nhập trước đây, hoặc cũ hơn gói đã nhập.', check);
      }
      return check;
    }),
  format: (v) => {
    const c = v as BundleCheck;
    return [
      `Gói hợp lệ: ${c.officeCode}, số ${c.sequence}, tạo lúc ${c.createdAt}`,
      `Bản ghi: ${countsLine(c.counts)}; tệp đính kèm: ${c.attachments}`,
      ...c.warnings.map((w) => `Cảnh báo ${w.code}: ${w.message}`),
    ].join('\n');
  },
};

export const bundleImportCommand: CliCommand = {
  path: ['bundle', 'import'],
  summary: 'Tỉnh: nhập một hoặc nhiều gói dữ liệu của các đơn vị (mỗi gói nhập trọn vẹn hoặc không gì cả)',
  usage: 'bundle import FILE... [--passphrase-file FILE]',
  options: { ...PASSPHRASE_OPTION },
  run: (ctx, args) =>
    withApp(ctx, async (app) => {
      const files = requirePaths(args.positionals).map((p) => ({ fileName: p, path: resolve(ctx.cwd, p) }));
      const results = await importBundleFiles(app.context, files, { passphrase: readPassphrase(ctx, args) });
      const rejected = results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0) {
        for (const r of results) ctx.log(describeResult(r));
        throw new AppError(
          'BUNDLE_IMPORT_REJECTED',
          `${rejected.length}/${results.length} gói dữ liệu bị từ chối (các gói khác đã nhập). Xem chi tiết ở trên.`,
          { results },
        );
      }
      return results;
    }),
  format: (v) => (v as ExchangeImportResult[]).map(describeResult).join('\n'),
};

function describeResult(r: ExchangeImportResult): string {
  if (r.status === 'rejected') return `✗ ${r.fileName}: ${r.error?.code} — ${r.error?.message}`;
  const totals = Object.entries(r.counts).map(([t, c]) => `${t} +${c.inserted} ~${c.updated} =${c.unchanged}`);
  return [`✓ ${r.fileName}: ${r.officeCode} gói số ${r.sequence}; ${totals.join(', ') || 'không có bản ghi'}`, ...r.warnings.map((w) => `  Cảnh báo: ${w.message}`)].join('\n');
}

export const bundleAcknowledgeCommand: CliCommand = {
  path: ['bundle', 'acknowledge'],
  summary: 'Ghi nhận tỉnh đã nhập gói số N (lần xuất "phần thay đổi" sau sẽ bắt đầu từ đó)',
  usage: 'bundle acknowledge SEQUENCE',
  options: {},
  run: (ctx, args) =>
    withApp(ctx, (app) => callOrThrow<ExchangeExport>(app, 'exchange.exports.acknowledge', { sequence: Number(requirePaths(args.positionals)[0]) })),
  format: (v) => `Đã ghi nhận tỉnh nhận gói số ${(v as ExchangeExport).sequence}.`,
};

export const BUNDLE_COMMANDS = [bundleExportCommand, bundleInspectCommand, bundleVerifyCommand, bundleImportCommand, bundleAcknowledgeCommand];
