import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportFile } from '../../core/contract/reports';
import { addPlan, buildScenario, openReportTestApp, type ReportTestApp } from './testing';

/**
 * Renders the report's DOCX with LibreOffice (PDF) and poppler (PNG), as an office would print it. The pages are
 * copied to test-results/screenshots/reports-docx-page-N.png for a person to look at. Skipped, saying why, when
 * `soffice` or `pdftoppm` is not on PATH (Debian: libreoffice-writer-nogui, poppler-utils).
 */
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdftoppm'].filter((c) => !has(c));
if (missing.length) console.warn(`reports/render.test.ts skipped: ${missing.join(', ')} not on PATH (install libreoffice-writer-nogui and poppler-utils to render the DOCX).`);

let t: ReportTestApp;
const dirs: string[] = [];
afterEach(() => {
  t?.close();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe.skipIf(missing.length > 0)('DOCX rendered by LibreOffice', () => {
  it('converts to a PDF of a few A4 pages with the charts, and to PNG pages', async () => {
    t = await openReportTestApp();
    await addPlan(t, await buildScenario(t));
    await t.call('reports.saveDraft', {
      period: '2025-Q2',
      narrative: {
        results: 'Các xã đã tập trung duy trì và nâng cao chất lượng các tiêu chí đã đạt; 01 xã được công nhận đạt chuẩn nông thôn mới trong kỳ.\nChương trình OCOP có thêm 01 sản phẩm 4 sao.',
        limitations: 'Xã Nậm Càn chưa đạt 6/19 tiêu chí, trong đó có tiêu chí Thu nhập; có nguy cơ bị thu hồi quyết định công nhận.',
        tasks: 'Rà soát, củng cố các tiêu chí tại các xã có nguy cơ bị thu hồi.\nHướng dẫn chủ thể OCOP chuẩn bị hồ sơ đánh giá lại trước khi giấy chứng nhận hết hạn.',
      },
      header: {
        documentNo: '45', symbol: 'BC-UBND', place: 'Tương Dương', date: '2025-06-20',
        subject: 'Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới và Chương trình OCOP Quý II năm 2025',
        signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', signerName: 'Vi Văn Sơn',
        recipients: ['UBND tỉnh Nghệ An (để b/c)', 'Văn phòng Điều phối NTM tỉnh', 'Lưu: VT, NN'],
      },
    });
    const file = await t.call<ReportFile>('reports.docx', { period: '2025-Q2' });
    const dir = mkdtempSync(join(tmpdir(), 'ntm-report-render-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'bao-cao.docx'), Buffer.from(file.contentBase64, 'base64'));
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bao-cao.docx')], { stdio: 'pipe', timeout: 120_000 });
    const info = execFileSync('pdfinfo', [join(dir, 'bao-cao.pdf')]).toString();
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'bao-cao.pdf'), '-']).toString();
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Tương Dương, ngày 20 tháng 6 năm 2025');
    expect(text).toContain('Nơi nhận:');
    // The plan section's table, laid out in columns (pdftotext -layout keeps a row on one line).
    expect(text).toContain('3. Kết quả thực hiện so với kế hoạch');
    expect(text).toMatch(/3 xã +1 xã +2 xã +Chậm tiến độ +2 xã/);
    execFileSync('pdftoppm', ['-png', '-r', '70', join(dir, 'bao-cao.pdf'), join(dir, 'page')]);
    const out = resolve('test-results/screenshots');
    mkdirSync(out, { recursive: true });
    const pngs = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    expect(pngs).toHaveLength(pages);
    pngs.forEach((f, i) => copyFileSync(join(dir, f), join(out, `reports-docx-page-${i + 1}.png`)));
  }, 180_000);
});
