import { resolve, join } from 'node:path';
import type { OcopAssembly, OcopDueItem, OcopProducer, OcopProductSummary } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import { PRODUCER_KINDS, PRODUCT_STATUSES } from '../../core/ocop';
import { writeFileAtomic } from '../../services/attachments';
import type { AppHandle } from '../../services/app';
import type { CliCommand, CliParsed } from '../types';
import { callOrThrow, withApp } from './foundation';

const str = (args: CliParsed, name: string): string | undefined => {
  const v = args.values[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[v.length - 1] : undefined;
};
const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A product named by its id or by its code (T)-(X)-(STT)-(năm), as a person reads it off the register. */
async function resolveProductId(app: AppHandle, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const products = await callOrThrow<OcopProductSummary[]>(app, 'ocop.products.list', {});
  const found = products.find((p) => p.productCode === ref.trim());
  if (!found) throw new AppError('OCOP_PRODUCT_NOT_FOUND', `Không có sản phẩm mã "${ref}". Xem danh sách: ocop products list`, { ref });
  return found.id;
}

export const ocopProductsListCommand: CliCommand = {
  path: ['ocop', 'products', 'list'],
  summary: 'Danh sách sản phẩm OCOP: mã số, trạng thái, kết quả, giấy chứng nhận, hồ sơ',
  usage: 'ocop products list [--status registered|commune_review|…] [--query CHUỖI] [--json]',
  options: {
    status: { type: 'string', description: `Lọc theo trạng thái: ${Object.keys(PRODUCT_STATUSES).join(', ')}` },
    query: { type: 'string', description: 'Tìm theo tên sản phẩm, chủ thể, mã số (không phân biệt dấu)' },
  },
  run: (ctx, args) =>
    withApp(ctx, (app) => callOrThrow<OcopProductSummary[]>(app, 'ocop.products.list', { status: str(args, 'status'), query: str(args, 'query') })),
  format: (v) => {
    const rows = v as OcopProductSummary[];
    if (rows.length === 0) return 'Chưa có sản phẩm nào.';
    return rows
      .map((p) => {
        const result = p.latestEvaluation?.total != null ? ` · ${String(p.latestEvaluation.total).replace('.', ',')} điểm, ${p.latestEvaluation.stars} sao` : '';
        const cert = p.certificate ? ` · GCN ${p.certificate.number} đến ${vnDate(p.certificate.expiresOn)}` : '';
        return `${p.productCode.padEnd(18)} ${p.name} — ${p.producerName} [${PRODUCT_STATUSES[p.status]}]${result}${cert} · hồ sơ ${p.dossier.satisfied}/${p.dossier.required}\n${' '.repeat(19)}id ${p.id}`;
      })
      .join('\n');
  },
};

export const ocopProducersListCommand: CliCommand = {
  path: ['ocop', 'producers', 'list'],
  summary: 'Danh sách chủ thể OCOP',
  usage: 'ocop producers list [--query CHUỖI] [--json]',
  options: { query: { type: 'string', description: 'Tìm theo tên, mã số thuế, người đại diện' } },
  run: (ctx, args) => withApp(ctx, (app) => callOrThrow<OcopProducer[]>(app, 'ocop.producers.list', { query: str(args, 'query') })),
  format: (v) => {
    const rows = v as OcopProducer[];
    if (rows.length === 0) return 'Chưa có chủ thể nào.';
    return rows.map((p) => `${p.name} (${PRODUCER_KINDS[p.kind]}) — ${p.legalRepName}; ${p.unitName}; ${p.productCount} sản phẩm`).join('\n');
  },
};

export const ocopDueCommand: CliCommand = {
  path: ['ocop', 'due'],
  summary: 'Việc sắp đến hạn: xã kiểm tra hồ sơ, đánh giá lại, giấy chứng nhận hết hạn, đợt đánh giá',
  usage: 'ocop due [--on YYYY-MM-DD] [--days 180] [--json]',
  options: {
    on: { type: 'string', description: 'Tính từ ngày (mặc định hôm nay)' },
    days: { type: 'string', description: 'Số ngày nhìn trước (mặc định 180)' },
  },
  run: (ctx, args) =>
    withApp(ctx, (app) =>
      callOrThrow<OcopDueItem[]>(app, 'ocop.dueSoon', { on: str(args, 'on'), horizonDays: str(args, 'days') === undefined ? 180 : Number(str(args, 'days')) }),
    ),
  format: (v) => {
    const rows = v as OcopDueItem[];
    if (rows.length === 0) return 'Không có việc nào đến hạn.';
    return rows.map((d) => `${vnDate(d.dueOn)} ${d.overdue ? 'QUÁ HẠN ' : ''}${d.productCode ? `[${d.productCode}] ` : ''}${d.message}`).join('\n');
  },
};

export type DossierWritten = { pdf: string; zip: string; pageCount: number; files: number; warnings: string[] };

export const ocopDossierCommand: CliCommand = {
  path: ['ocop', 'dossier'],
  summary: 'Ghép hồ sơ sản phẩm OCOP: một tệp PDF (bìa, mục lục, Mẫu 01–03, tài liệu đính kèm) và tệp ZIP bản gốc có SHA-256',
  usage: 'ocop dossier --product ID|MÃ-SỐ --out THƯ-MỤC [--json]',
  options: {
    product: { type: 'string', description: 'Id hoặc mã số sản phẩm, ví dụ 12-03390-1-2026' },
    out: { type: 'string', description: 'Thư mục ghi tệp PDF và ZIP' },
  },
  run: (ctx, args) =>
    withApp(ctx, async (app) => {
      const ref = str(args, 'product');
      const out = str(args, 'out');
      if (!ref || !out) throw new AppError('CLI_BAD_ARGUMENTS', 'Cần --product ID|MÃ-SỐ và --out THƯ-MỤC.');
      const productId = await resolveProductId(app, ref);
      const result = await callOrThrow<OcopAssembly>(app, 'ocop.dossier.assemble', { productId });
      const dir = resolve(ctx.cwd, out);
      const pdf = join(dir, result.pdf.fileName);
      const zip = join(dir, result.zip.fileName);
      writeFileAtomic(pdf, Buffer.from(result.pdf.base64, 'base64'));
      writeFileAtomic(zip, Buffer.from(result.zip.base64, 'base64'));
      for (const w of result.warnings) ctx.log(`Lưu ý: ${w}`);
      return { pdf, zip, pageCount: result.pdf.pageCount, files: result.manifest.length, warnings: result.warnings } satisfies DossierWritten;
    }),
  format: (v) => {
    const r = v as DossierWritten;
    return [`Đã ghi hồ sơ PDF (${r.pageCount} trang): ${r.pdf}`, `Đã ghi tệp ZIP (${r.files} tệp, kèm manifest SHA-256): ${r.zip}`].join('\n');
  },
};
