import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportFile } from '../../core/contract/reports';
import { sectorTasks } from './roundReportTesting';
import type { PlansTestApp } from './testing';

/**
 * Renders the round's report and the reminder letter with LibreOffice (PDF) and poppler (PNG), as an office would
 * print them; the pages are copied to test-results/screenshots/ (round-report-page-N.png, reminder-page-N.png) for a
 * person to look at. Skipped, saying why, when `soffice` or `pdftoppm` is not on PATH.
 */
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdftoppm'].filter((c) => !has(c));
if (missing.length) console.warn(`plans/roundReportRender.test.ts skipped: ${missing.join(', ')} not on PATH (install libreoffice-writer-nogui and poppler-utils to render the DOCX).`);

let t: PlansTestApp | undefined;
const dirs: string[] = [];
afterEach(() => {
  t?.close();
  t = undefined;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function render(dir: string, name: string, file: ReportFile): { pages: number; text: string } {
  writeFileSync(join(dir, `${name}.docx`), Buffer.from(file.contentBase64, 'base64'));
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)], { stdio: 'pipe', timeout: 120_000 });
  const info = execFileSync('pdfinfo', [join(dir, `${name}.pdf`)]).toString();
  expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  execFileSync('pdftoppm', ['-png', '-r', '70', join(dir, `${name}.pdf`), join(dir, name)]);
  const out = resolve('test-results/screenshots');
  mkdirSync(out, { recursive: true });
  const pngs = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort();
  expect(pngs).toHaveLength(pages);
  pngs.forEach((f, i) => copyFileSync(join(dir, f), join(out, `${name}-page-${i + 1}.png`)));
  return { pages, text: execFileSync('pdftotext', ['-layout', join(dir, `${name}.pdf`), '-']).toString() };
}

describe.skipIf(missing.length > 0)('round report and reminder letter rendered by LibreOffice', () => {
  it('prints both on A4 pages with the NĐ 30 header, tables in columns and the signature block', async () => {
    t = await sectorTasks();
    const dir = mkdtempSync(join(tmpdir(), 'ntm-round-render-'));
    dirs.push(dir);
    const [round] = await t.call<{ id: string }[]>('plans.rounds.list', {});
    const document = { documentNo: '112', signerTitle: 'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG', signerName: 'Vi Văn Sơn' };
    const report = render(dir, 'round-report', await t.call<ReportFile>('plans.rounds.reportDocx', { id: round!.id, document }));
    expect(report.pages).toBeGreaterThanOrEqual(2);
    expect(report.pages).toBeLessThanOrEqual(5);
    expect(report.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(report.text).toContain('Số: 112/BC-UBND');
    expect(report.text).toContain('Kỳ Sơn, ngày 25 tháng 10 năm 2022');
    expect(report.text).toMatch(/Xã Tà Cạ +18\/19 +1\/19 +2 +1 +1/);
    expect(report.text).toContain('Nơi nhận:');
    const letter = render(dir, 'reminder', await t.call<ReportFile>('plans.tasks.reminderDocx', { sector: 'Bộ Giao thông vận tải', document }));
    expect(letter.pages).toBeLessThanOrEqual(2);
    expect(letter.text).toContain('Kính gửi: Bộ Giao thông vận tải.');
    expect(letter.text).toContain('V/v đôn đốc thực hiện nhiệm vụ');
    expect(letter.text).toContain('xây dựng nông thôn mới quá hạn');
    expect(letter.text).toContain('Nơi nhận:');
  }, 240_000);
});
