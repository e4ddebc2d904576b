import ExcelJS, { type Worksheet } from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliForTest } from '../testKit';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function temp() {
  const d = mkdtempSync(join(tmpdir(), 'ntm-cli-ntm-'));
  dirs.push(d);
  return d;
}

const cli = (cwd: string, ...argv: string[]) => runCliForTest(argv, { cwd });

/** A data folder (./data under a temp working folder) set up as the district office of Tương Dương. */
async function office(): Promise<string> {
  const cwd = temp();
  const r = await cli(
    cwd,
    'init',
    '--data-dir',
    'data',
    '--kind',
    'district',
    '--province',
    '40',
    '--unit',
    '417',
    '--office-name',
    'Phòng NN&PTNT huyện Tương Dương',
    '--parent-body',
    'UBND HUYỆN TƯƠNG DƯƠNG',
    '--staff',
    'Lô Thị Mai',
    '--json',
  );
  expect(r.code).toBe(0);
  return cwd;
}

function cellOf(ws: Worksheet, unitCode: string, key: string) {
  let row = 0;
  let col = 0;
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === unitCode) row = r;
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(7, c).value === key) col = c;
  return ws.getCell(row, col);
}

describe('cli ntm', () => {
  it('lists catalogs, exports one to a file and imports an edited copy', async () => {
    const cwd = await office();
    const list = await cli(cwd, 'ntm', 'catalog', 'list', '--data-dir', 'data', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).value.map((c: { id: string }) => c.id)).toContain('QD318-2022-XA-NTM');
    expect((await cli(cwd, 'ntm', 'catalog', 'list', '--data-dir', 'data')).out).toContain('QD318-2022-XA-NTM');

    const exported = await cli(
      cwd,
      'ntm',
      'catalog',
      'export',
      'QD318-2022-XA-NTM',
      '--out',
      'qd318.json',
      '--data-dir',
      'data',
      '--json',
    );
    expect(exported.code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['data', 'qd318.json']);
    const document = JSON.parse(readFileSync(join(cwd, 'qd318.json'), 'utf8'));
    expect(document).toMatchObject({ id: 'QD318-2022-XA-NTM', format: 'ntm-desk/ntm-catalog' });

    writeFileSync(
      join(cwd, 'nghe-an.json'),
      JSON.stringify({ ...document, id: 'NGHE-AN-2022-XA-NTM', name: 'Bộ tiêu chí xã NTM tỉnh Nghệ An 2022–2025' }),
    );
    const imported = await cli(cwd, 'ntm', 'catalog', 'import', 'nghe-an.json', '--data-dir', 'data', '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out).value).toMatchObject({ id: 'NGHE-AN-2022-XA-NTM', origin: 'imported' });

    writeFileSync(join(cwd, 'broken.json'), '{ "id": ');
    const broken = await cli(cwd, 'ntm', 'catalog', 'import', 'broken.json', '--data-dir', 'data');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('CATALOG_INVALID');
    writeFileSync(join(cwd, 'empty.json'), JSON.stringify({ ...document, id: 'X', criteria: [] }));
    const invalid = await cli(cwd, 'ntm', 'catalog', 'import', 'empty.json', '--data-dir', 'data', '--json');
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.out).error).toMatchObject({
      code: 'CATALOG_INVALID',
      details: { issues: expect.any(Array) },
    });
  });

  it('exports the quarter to Excel and imports it back; a bad file lists every problem and exits non-zero', async () => {
    const cwd = await office();
    const exported = await cli(
      cwd,
      'ntm',
      'assess',
      'export',
      '--period',
      '2025-Q2',
      '--xlsx',
      'q2.xlsx',
      '--data-dir',
      'data',
      '--json',
    );
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out).value).toMatchObject({
      path: join(cwd, 'q2.xlsx'),
      suggestedName: 'danh-gia-ntm-2025-Q2-QD318-2022-XA-NTM.xlsx',
    });
    expect(readdirSync(cwd).sort()).toEqual(['data', 'q2.xlsx']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(cwd, 'q2.xlsx'));
    const ws = workbook.getWorksheet('Đánh giá')!;
    cellOf(ws, '16873', 'value:14.1.e').value = '98,5';
    cellOf(ws, '16873', 'manual:10').value = 'Đạt';
    cellOf(ws, '16873', 'evidence:10').value = 'Biên bản số 7';
    await workbook.xlsx.writeFile(join(cwd, 'filled.xlsx'));
    const imported = await cli(
      cwd,
      'ntm',
      'assess',
      'import',
      '--period',
      '2025-Q2',
      '--xlsx',
      'filled.xlsx',
      '--data-dir',
      'data',
    );
    expect(imported.code).toBe(0);
    expect(imported.out).toBe('Đã nhập: 3 ô thay đổi, 0 ô giữ nguyên.');

    const bad1 = cellOf(ws, '16870', 'value:14.1.e');
    bad1.value = 'chín mươi';
    const bad2 = cellOf(ws, '16840', 'manual:1');
    bad2.value = 'Tốt';
    await workbook.xlsx.writeFile(join(cwd, 'bad.xlsx'));
    const refused = await cli(
      cwd,
      'ntm',
      'assess',
      'import',
      '--period',
      '2025-Q2',
      '--xlsx',
      'bad.xlsx',
      '--data-dir',
      'data',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('XLSX_INVALID');
    expect(refused.err).toContain(`Đánh giá!${bad1.address}: Chỉ tiêu 14.1.e`);
    expect(refused.err).toContain(`Đánh giá!${bad2.address}: Chỉ tiêu 1 (kết luận)`);
    const asJson = await cli(
      cwd,
      'ntm',
      'assess',
      'import',
      '--period',
      '2025-Q2',
      '--xlsx',
      'bad.xlsx',
      '--data-dir',
      'data',
      '--json',
    );
    expect(
      JSON.parse(asJson.out)
        .error.details.problems.map((p: { cell: string }) => p.cell)
        .sort(),
    ).toEqual([bad1.address, bad2.address].sort());
  });

  it('says what is missing', async () => {
    const cwd = await office();
    const noPeriod = await cli(cwd, 'ntm', 'assess', 'export', '--xlsx', 'q.xlsx', '--data-dir', 'data', '--json');
    expect(noPeriod.code).toBe(1);
    expect(JSON.parse(noPeriod.out).error.code).toBe('CLI_BAD_ARGUMENTS');
    const noFile = await cli(
      cwd,
      'ntm',
      'assess',
      'import',
      '--period',
      '2025-Q2',
      '--xlsx',
      'missing.xlsx',
      '--data-dir',
      'data',
      '--json',
    );
    expect(JSON.parse(noFile.out).error.code).toBe('FILE_UNREADABLE');
    const badPeriod = await cli(
      cwd,
      'ntm',
      'assess',
      'export',
      '--period',
      '2025-5',
      '--xlsx',
      'q.xlsx',
      '--data-dir',
      'data',
      '--json',
    );
    expect(JSON.parse(badPeriod.out).error.code).toBe('VALIDATION_FAILED');
    expect(readdirSync(cwd)).toEqual(['data']);
  });
});
