import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { OcopAssembly, OcopDossierView, OcopGeneratedFile, OcopProducer, OcopProductDetail } from '../../core/contract/index';
import { openOcopTestApp, PRODUCER_INPUT, readZip, TINY_PNG_BASE64, type OcopTestApp } from './testing';

let t: OcopTestApp;
afterEach(() => t?.close());

async function twoPagePdf(): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.addPage();
  return Buffer.from(await doc.save()).toString('base64');
}

async function registered(): Promise<OcopProductDetail> {
  const producer = await t.call<OcopProducer>('ocop.producers.save', PRODUCER_INPUT);
  return t.call<OcopProductDetail>('ocop.products.save', {
    producerId: producer.id, name: 'Chè Shan tuyết Bình Lư', unitCode: '03390', sheetNo: 11,
    communeReport: { localMaterials: 'Nguyên liệu chè Shan tuyết cổ thụ thu hái tại bản Nà Ít, xã Bình Lư.' },
  });
}

describe('dossier', () => {
  it('lists the checklist of a first registration and blocks assembly with what is missing', async () => {
    t = await openOcopTestApp();
    const p = await registered();
    const view = await t.call<OcopDossierView>('ocop.dossier.get', { productId: p.id });
    expect(view.items.filter((i) => i.required).map((i) => i.id)).toEqual(['mau_01', 'mau_02', 'van_ban_xa', 'mau_03', 'san_pham_mau']);
    expect(view).toMatchObject({ required: 5, satisfied: 3, percent: 60 });
    await expect(t.call('ocop.dossier.assemble', { productId: p.id })).rejects.toMatchObject({
      code: 'OCOP_DOSSIER_INCOMPLETE',
      details: { missing: [expect.objectContaining({ id: 'van_ban_xa' }), expect.objectContaining({ id: 'san_pham_mau' })] },
    });
    await expect(t.call('ocop.dossier.addFile', { productId: p.id, itemId: 'van_ban_xa', fileName: 'x.exe', contentBase64: 'AAAA' })).rejects.toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
    const re = await t.call<OcopDossierView>('ocop.dossier.get', { productId: p.id });
    expect(re.items.find((i) => i.id === 'van_ban_xa')?.files).toEqual([]);
  });

  it('assembles one PDF (cover, contents, forms, attachments in checklist order) with Vietnamese text intact, and a ZIP with SHA-256 manifest', async () => {
    t = await openOcopTestApp();
    const p = await registered();
    const letter = await twoPagePdf();
    await t.call('ocop.dossier.addFile', { productId: p.id, itemId: 'van_ban_xa', fileName: 'Tờ trình đề nghị.pdf', contentBase64: letter });
    await t.call('ocop.dossier.addFile', { productId: p.id, itemId: 'cau_chuyen', fileName: 'ảnh đồi chè.png', contentBase64: TINY_PNG_BASE64 });
    await t.call('ocop.dossier.addFile', { productId: p.id, itemId: 'giay_dkkd', fileName: 'Giấy ĐKKD.docx', contentBase64: Buffer.from('PK fake docx').toString('base64') });
    const ready = await t.call<OcopDossierView>('ocop.dossier.setState', { productId: p.id, itemId: 'san_pham_mau', state: 'received', note: '05 hộp 200 g' });
    expect(ready).toMatchObject({ satisfied: 5, percent: 100, missing: [] });

    const result = await t.call<OcopAssembly>('ocop.dossier.assemble', { productId: p.id });
    const pdf = Buffer.from(result.pdf.base64, 'base64');
    const path = join(t.dir, result.pdf.fileName);
    writeFileSync(path, pdf);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBe(result.pdf.pageCount);
    const formPages = (await PDFDocument.load(pdf)).getPageCount() - 1 - 1 - 2 - 1 - 1;
    expect(formPages).toBeGreaterThanOrEqual(3); // Mẫu 01, 02 (with its table), 03: at least a page each
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const phrase of [
      'ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP',
      'Chè Shan tuyết Bình Lư',
      'MỤC LỤC',
      'PHIẾU ĐĂNG KÝ',
      'Hợp tác xã Chè Shan tuyết Bình Lư',
      'BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM',
      'Nguyên liệu chè Shan tuyết cổ thụ thu hái tại bản Nà Ít',
      'T.M ỦY BAN NHÂN DÂN',
      'Giấy ĐKKD.docx',
      '12-03390-1-2026',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
    // Contents: the letter (2 pages) follows Mẫu 01 and 02 in checklist order.
    const order = ['Mẫu số 01', 'Mẫu số 02', 'Tờ trình đề nghị.pdf', 'Mẫu số 03', 'Giấy ĐKKD.docx', 'ảnh đồi chè.png'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const zip = readZip(Buffer.from(result.zip.base64, 'base64'));
    const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as { files: { name: string; sha256: string }[] };
    expect(manifest.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['03-van_ban_xa/Tờ trình đề nghị.pdf', '15-cau_chuyen/ảnh đồi chè.png', '06-giay_dkkd/Giấy ĐKKD.docx', '01-mau_01/Mau01-Phieu-dang-ky-12-03390-1-2026.docx']),
    );
    for (const f of manifest.files) expect(createHash('sha256').update(zip.get(f.name)!).digest('hex'), f.name).toBe(f.sha256);
    expect(zip.get('03-van_ban_xa/Tờ trình đề nghị.pdf')!.toString('base64')).toBe(letter);
    expect(zip.get('SHA256SUMS.txt')!.toString('utf8')).toContain(`  03-van_ban_xa/Tờ trình đề nghị.pdf`);
  });

  it('generates Mẫu 01, 02, 03 as DOCX filled from the records', async () => {
    t = await openOcopTestApp();
    const p = await registered();
    for (const form of ['mau_01', 'mau_02', 'mau_03'] as const) {
      const file = await t.call<OcopGeneratedFile>('ocop.forms.generate', { productId: p.id, form });
      const entries = readZip(Buffer.from(file.base64, 'base64'));
      const xml = entries.get('word/document.xml')!.toString('utf8');
      expect(file.fileName).toMatch(/12-03390-1-2026\.docx$/);
      expect(xml, form).toContain('Hợp tác xã Chè Shan tuyết Bình Lư');
    }
    const m03 = readZip(Buffer.from((await t.call<OcopGeneratedFile>('ocop.forms.generate', { productId: p.id, form: 'mau_03' })).base64, 'base64'));
    expect(m03.get('word/document.xml')!.toString('utf8')).toContain('Ủy ban nhân dân Xã Bình Lư đề nghị Ủy ban nhân dân Tỉnh Lai Châu');
  });
});
