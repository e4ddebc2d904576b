import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readZip } from '../../services/ocop/testing';
import { runCliForTest } from '../testKit';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const cli = (cwd: string, ...argv: string[]) => runCliForTest(argv, { cwd });

describe('cli report', () => {
  it('writes the DOCX and the XLSX of a quarter, six months and a year', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ntm-cli-report-'));
    dirs.push(cwd);
    const init = await cli(cwd, 'init', '--data-dir', 'data', '--kind', 'commune', '--province', '40', '--unit', '16870', '--office-name', 'Phòng Kinh tế xã Na Ngoi', '--parent-body', 'UBND XÃ NA NGOI', '--staff', 'Vi Thị Lan', '--json');
    expect(init.code, init.err).toBe(0);
    for (const period of ['2026-Q3', '2026-H1', '2026']) {
      const r = await cli(cwd, 'report', '--data-dir', 'data', '--period', period, '--out', 'out', '--json');
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out).value.files.map((f: string) => f.split('/').pop())).toEqual([`bao-cao-${period}-du-thao.docx`, `bieu-${period}-du-thao.xlsx`]);
    }
    expect(readdirSync(join(cwd, 'out')).sort()).toHaveLength(6);
    const xml = readZip(readFileSync(join(cwd, 'out', 'bao-cao-2026-Q3-du-thao.docx'))).get('word/document.xml')!.toString();
    expect(xml).toContain('UBND XÃ NA NGOI');
    expect(xml).toContain('Na Ngoi, ngày');
    expect(xml).toContain('Quý III năm 2026');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(cwd, 'out', 'bieu-2026-H1-du-thao.xlsx')) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Biểu 01')!.getCell('A3').value).toContain('6 tháng đầu năm 2026');
    const bad = await cli(cwd, 'report', '--data-dir', 'data', '--period', '2026-Q7', '--out', 'out');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('CLI_BAD_ARGUMENTS');
  });
});
