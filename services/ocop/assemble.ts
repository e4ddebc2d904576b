import { createHash } from 'node:crypto';
import { PDFDocument, rgb } from 'pdf-lib';
import yazl from 'yazl';
import type { OcopAssembly, OcopDossierView } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import { REGISTRATION_KINDS } from '../../core/ocop';
import type { ServiceContext } from '../context';
import { dossierFilesInOrder, getDossier } from './dossier';
import { vnDate } from './format';
import { renderFormDocx } from './forms/formDocx';
import { renderFormPdf } from './forms/formPdf';
import { buildForm, loadFormData } from './forms/formsService';
import type { FormDocument } from './forms/formModel';
import { A4, MARGIN, PdfWriter } from './pdf/pdfWriter';

type StoredFile = Awaited<ReturnType<typeof dossierFilesInOrder>>[number];

type Section =
  | { kind: 'form'; title: string; form: FormDocument }
  | { kind: 'pdf'; title: string; file: StoredFile; src: PDFDocument }
  | { kind: 'image'; title: string; file: StoredFile }
  | { kind: 'placeholder'; title: string; file: StoredFile; reason: string };

const TOC_LINES_PER_PAGE = 30;

/** Refuses with the list of what is missing: a dossier goes to the province complete or not at all (Điều 7, khoản 2). */
export function requireComplete(view: OcopDossierView): void {
  if (view.missing.length > 0) {
    throw new AppError(
      'OCOP_DOSSIER_INCOMPLETE',
      `Hồ sơ còn thiếu ${view.missing.length} thành phần bắt buộc: ${view.missing.map((m) => m.title).join('; ')}.`,
      { missing: view.missing },
    );
  }
}

async function sectionsOf(view: OcopDossierView, forms: Map<string, FormDocument>, files: StoredFile[], warnings: string[]): Promise<Section[]> {
  const sections: Section[] = [];
  for (const item of view.items) {
    const form = forms.get(item.id);
    if (form) sections.push({ kind: 'form', title: form.title, form });
    for (const file of files.filter((f) => f.itemId === item.id)) {
      // The file name first, so that the contents line cuts the item's title, never the name.
      const title = `${file.fileName} — ${item.title}`;
      if (file.mime === 'application/pdf') {
        try {
          const src = await PDFDocument.load(file.content, { ignoreEncryption: true, updateMetadata: false });
          sections.push({ kind: 'pdf', title, file, src });
        } catch {
          warnings.push(`Không đọc được tệp PDF "${file.fileName}"; tệp gốc có trong tệp ZIP.`);
          sections.push({ kind: 'placeholder', title, file, reason: 'Tệp PDF bị hỏng hoặc được bảo vệ nên không ghép được.' });
        }
      } else if (file.mime === 'image/png' || file.mime === 'image/jpeg') {
        sections.push({ kind: 'image', title, file });
      } else {
        sections.push({ kind: 'placeholder', title, file, reason: 'Định dạng này không ghép vào PDF được (tệp Word, Excel, ảnh WEBP/TIFF hoặc văn bản).' });
      }
    }
  }
  return sections;
}

function truncate(w: PdfWriter, text: string, size: number, width: number): string {
  if (w.regular.widthOfTextAtSize(text, size) <= width) return text;
  let t = text;
  while (t.length > 1 && w.regular.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t}…`;
}

/**
 * Assembles the dossier as one PDF (cover, table of contents, the three forms rendered from the records, every
 * attached PDF and image in checklist order; other files named on a page) and a ZIP of the originals with the
 * generated DOCX forms and a manifest of names and SHA-256.
 */
export async function assembleDossier(ctx: ServiceContext, productId: string): Promise<OcopAssembly> {
  const view = await getDossier(ctx, productId);
  requireComplete(view);
  const data = await loadFormData(ctx, productId);
  const { product, office } = data;
  const warnings: string[] = [];
  const forms = new Map((['mau_01', 'mau_02', 'mau_03'] as const).map((id) => [id, buildForm(id, data)] as const));
  const files = await dossierFilesInOrder(ctx, view);
  const sections = await sectionsOf(view, forms, files, warnings);

  const w = await PdfWriter.create(`Hồ sơ OCOP ${product.name} (${product.productCode})`);
  // Cover.
  w.paragraph([{ text: office.parentBodyName, bold: true }], { align: 'center', size: 12 });
  w.paragraph(office.officeName, { align: 'center', size: 12 });
  w.gap(140);
  w.paragraph([{ text: 'HỒ SƠ ĐĂNG KÝ', bold: true }], { align: 'center', size: 18 });
  w.paragraph([{ text: 'ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP', bold: true }], { align: 'center', size: 16 });
  w.paragraph(`(${REGISTRATION_KINDS[product.registrationKind]})`, { align: 'center', size: 12 });
  w.gap(30);
  w.paragraph([{ text: product.name, bold: true }], { align: 'center', size: 20 });
  w.gap(20);
  for (const [label, value] of [
    ['Mã số sản phẩm', product.productCode],
    ['Chủ thể', product.producerName],
    ['Địa bàn', `${product.unitName}, ${office.provinceName}`],
    ['Bộ tiêu chí', `Số ${product.sheetNo}: ${product.sheetName} (${product.catalogVersion})`],
    ['Phân loại', product.classification],
  ] as const) {
    w.paragraph([{ text: `${label}: ` }, { text: value, bold: true }], { x: MARGIN.left + 40, width: w.contentWidth - 80 });
  }
  w.gap(200);
  w.paragraph(`Lập bằng NTM Desk ngày ${vnDate(data.today)}`, { align: 'center', size: 10 });

  // Contents pages reserved now and written once the sections' page numbers are known.
  const tocPageCount = Math.max(1, Math.ceil(sections.length / TOC_LINES_PER_PAGE));
  const tocFirst = w.doc.getPageCount();
  for (let i = 0; i < tocPageCount; i++) w.doc.addPage(A4);

  const starts: number[] = [];
  for (const s of sections) {
    starts.push(w.doc.getPageCount() + 1);
    switch (s.kind) {
      case 'form':
        w.newPage();
        renderFormPdf(w, s.form);
        break;
      case 'pdf': {
        const pages = await w.doc.copyPages(s.src, s.src.getPageIndices());
        for (const p of pages) w.doc.addPage(p);
        break;
      }
      case 'image': {
        w.newPage();
        w.paragraph([{ text: s.title, bold: true }], { size: 10 });
        const image = s.file.mime === 'image/png' ? await w.doc.embedPng(s.file.content) : await w.doc.embedJpg(s.file.content);
        const maxW = w.contentWidth;
        const maxH = w.y - MARGIN.bottom - 10;
        const scale = Math.min(maxW / image.width, maxH / image.height, 1);
        const width = image.width * scale;
        const height = image.height * scale;
        w.page.drawImage(image, { x: MARGIN.left + (maxW - width) / 2, y: w.y - 10 - height, width, height });
        break;
      }
      case 'placeholder':
        w.newPage();
        w.paragraph([{ text: s.title, bold: true }]);
        w.gap(10);
        w.paragraph(s.reason);
        w.paragraph(`Tệp gốc "${s.file.fileName}" (SHA-256 ${s.file.sha256}) có trong tệp ZIP kèm theo.`, { size: 10 });
        break;
      default: {
        const never: never = s;
        throw new Error(`unknown section ${JSON.stringify(never)}`);
      }
    }
  }

  // Table of contents.
  const size = 11;
  const numberWidth = 40;
  sections.forEach((s, i) => {
    const page = w.doc.getPage(tocFirst + Math.floor(i / TOC_LINES_PER_PAGE));
    const row = i % TOC_LINES_PER_PAGE;
    let top = A4[1] - MARGIN.top;
    if (row === 0) {
      page.drawText('MỤC LỤC', { x: MARGIN.left + (w.contentWidth - w.bold.widthOfTextAtSize('MỤC LỤC', 14)) / 2, y: top - 14, size: 14, font: w.bold });
    }
    top -= 40;
    const y = top - row * size * 1.8;
    const title = truncate(w, `${i + 1}. ${s.title}`.normalize('NFC'), size, w.contentWidth - numberWidth - 10);
    page.drawText(title, { x: MARGIN.left, y, size, font: w.regular, color: rgb(0, 0, 0) });
    const num = String(starts[i]);
    page.drawText(num, { x: MARGIN.left + w.contentWidth - w.regular.widthOfTextAtSize(num, size), y, size, font: w.regular });
  });
  w.numberPages();
  const pdfBytes = Buffer.from(await w.doc.save({ useObjectStreams: true }));

  // ZIP of the originals, the generated forms, and the manifest.
  const mtime = new Date(ctx.now().getTime());
  const manifest: OcopAssembly['manifest'] = [];
  const zip = new yazl.ZipFile();
  // Characters no file system accepts in a name, and control characters (a name typed in Windows may carry them).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  const safe = (name: string) => name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  const itemIndex = new Map(view.items.map((it, i) => [it.id, String(i + 1).padStart(2, '0')]));
  const used = new Set<string>();
  const add = (name: string, itemId: string, content: Buffer) => {
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = name.replace(/(\.[^./]*)?$/, (ext) => ` (${n})${ext}`);
    used.add(unique);
    zip.addBuffer(content, unique, { mtime });
    manifest.push({ name: unique, itemId, sha256: createHash('sha256').update(content).digest('hex'), size: content.length });
  };
  for (const [id, form] of forms) add(`${itemIndex.get(id)}-${id}/${form.fileBase}-${product.productCode}.docx`, id, await renderFormDocx(form));
  for (const f of files) add(`${itemIndex.get(f.itemId)}-${f.itemId}/${safe(f.fileName)}`, f.itemId, f.content);
  const manifestJson = {
    format: 'ntm-desk.ocop-dossier-manifest',
    formatVersion: 1,
    product: { id: product.id, code: product.productCode, name: product.name, producer: product.producerName },
    assembledAt: ctx.now().toISOString(),
    files: manifest,
  };
  zip.addBuffer(Buffer.from(JSON.stringify(manifestJson, null, 2)), 'manifest.json', { mtime });
  // sha256sum -c reads this file as it is.
  zip.addBuffer(Buffer.from(manifest.map((m) => `${m.sha256}  ${m.name}`).join('\n') + '\n'), 'SHA256SUMS.txt', { mtime });
  zip.end();
  const zipBytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });

  const base = `Ho-so-OCOP-${product.productCode}`;
  return {
    pdf: { fileName: `${base}.pdf`, mime: 'application/pdf', base64: pdfBytes.toString('base64'), pageCount: w.doc.getPageCount() },
    zip: { fileName: `${base}.zip`, mime: 'application/zip', base64: zipBytes.toString('base64') },
    manifest,
    warnings,
  };
}

