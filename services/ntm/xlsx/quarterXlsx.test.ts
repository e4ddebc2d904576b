import ExcelJS, { type CellValue, type Worksheet } from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NtmAssessmentView } from '../../../core/contract/ntm';
import type { Result } from '../../../core/errors';
import { openApp, type AppHandle } from '../../app';
import type { XlsxProblem } from './readAssessmentSheet';
import { ASSESSMENT_SHEET, GUIDE_SHEET, KEY_ROW } from './sheetLayout';

const dirs: string[] = [];
const apps: AppHandle[] = [];
afterEach(() => {
  apps.splice(0).forEach((a) => a.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A district office of Kỳ Sơn (Nghệ An, code 417) before the reform, as in ../ntm.test.ts. */
async function districtOffice(): Promise<AppHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-xlsx-'));
  dirs.push(dir);
  const app = await openApp({ dataDir: dir, now: () => new Date('2025-06-20T08:00:00Z') });
  apps.push(app);
  ok(
    await app.dispatch('setup.complete', {
      kind: 'district',
      provinceCode: '40',
      unitCode: '417',
      officeName: 'Phòng Nông nghiệp và PTNT huyện Kỳ Sơn',
      parentBodyName: 'UBND HUYỆN TƯƠNG DƯƠNG',
      staffName: 'Lô Thị Mai',
    }),
  );
  return app;
}

function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const NAM_CAN = '16873';
const NA_NGOI = '16870';
/** Đông Vĩnh, a commune of Vinh (district 412), not of Kỳ Sơn. */
const OTHER_DISTRICT = '16663';
const PERIOD = '2025-Q2';

async function exported(app: AppHandle): Promise<{ workbook: ExcelJS.Workbook; ws: Worksheet; fileName: string }> {
  const file = ok<{ fileName: string; contentBase64: string }>(
    await app.dispatch('ntm.xlsx.export', { period: PERIOD }),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return { workbook, ws: workbook.getWorksheet(ASSESSMENT_SHEET)!, fileName: file.fileName };
}

/** The sheet column of a key like "value:14.1.e" (read from the hidden key row, as import does). */
function col(ws: Worksheet, key: string): number {
  const row = ws.getRow(KEY_ROW);
  for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).value === key) return c;
  throw new Error(`no column ${key}`);
}

function rowOf(ws: Worksheet, unitCode: string): number {
  for (let r = KEY_ROW + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === unitCode) return r;
  throw new Error(`no row ${unitCode}`);
}

function set(ws: Worksheet, unitCode: string, key: string, value: CellValue, numFmt?: string) {
  const cell = ws.getCell(rowOf(ws, unitCode), col(ws, key));
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
  return cell.address;
}

async function importFile(app: AppHandle, workbook: ExcelJS.Workbook, period = PERIOD) {
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return app.dispatch('ntm.xlsx.import', { period, contentBase64: content.toString('base64') });
}

function problemsOf(r: Result<unknown>): XlsxProblem[] {
  expect(r).toMatchObject({ ok: false, error: { code: 'XLSX_INVALID' } });
  return (r as { ok: false; error: { details: { problems: XlsxProblem[] } } }).error.details.problems;
}

async function view(app: AppHandle, unitCode = NAM_CAN) {
  return ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.get', { unitCode, period: PERIOD }));
}
const indicator = (v: NtmAssessmentView, code: string) => v.indicators.find((i) => i.code === code)!;

async function auditCount(app: AppHandle): Promise<number> {
  return ok<unknown[]>(await app.dispatch('audit.list', {})).length;
}

describe('quarter workbook export', () => {
  it('lays out communes × indicators with headers, a hidden key row, frozen panes, validations and a guide', async () => {
    const app = await districtOffice();
    ok(
      await app.dispatch('ntm.assessment.setValue', {
        unitCode: NAM_CAN,
        period: PERIOD,
        indicatorCode: '14.1.e',
        value: 97.5,
      }),
    );
    const { workbook, ws, fileName } = await exported(app);
    expect(fileName).toBe('danh-gia-ntm-2025-Q2-QD318-2022-XA-NTM.xlsx');
    expect(workbook.worksheets.map((w) => w.name)).toEqual([ASSESSMENT_SHEET, GUIDE_SHEET]);
    expect(ws.getRow(KEY_ROW).hidden).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: KEY_ROW });
    expect(ws.getCell(KEY_ROW, 1).value).toBe('ntm-desk/ntm-assessment-xlsx v1');
    // 21 communes of Kỳ Sơn before the reform, one per row.
    expect(ws.rowCount).toBe(KEY_ROW + 21);
    const e = col(ws, 'value:14.1.e');
    expect(ws.getCell(4, e).value).toBe('14.1.e — Tỷ lệ trẻ em 6 tuổi vào học lớp 1');
    expect(String(ws.getCell(5, e).value)).toContain('≥ 98 %');
    expect(ws.getCell(rowOf(ws, NAM_CAN), e).value).toBe(97.5);
    expect(ws.getCell(rowOf(ws, NAM_CAN), e).protection).toMatchObject({ locked: false });
    // A manual indicator: Kết luận (Đạt/Chưa đạt) then Minh chứng; a manual percentage also has Số liệu.
    expect(col(ws, 'evidence:10')).toBe(col(ws, 'manual:10') + 1);
    expect(col(ws, 'manual:3.1')).toBe(col(ws, 'value:3.1') + 1);
    const r = rowOf(ws, NAM_CAN);
    expect(ws.getCell(r, col(ws, 'manual:10')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Đạt,Chưa đạt"'],
    });
    expect(ws.getCell(r, col(ws, 'value:14.1.a')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Có,Không"'],
    });
    expect(ws.getCell(r, col(ws, 'value:14.1.b')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Chưa đạt,Mức độ 1,Mức độ 2,Mức độ 3"'],
    });
    expect(ws.getCell(r, e).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    const guide = workbook.getWorksheet(GUIDE_SHEET)!;
    const guideText = guide.getColumn(1).values.join('\n') + guide.getColumn(7).values.join('\n');
    expect(guideText).toContain('Ô để trống');
    expect(guideText).toContain('Quyết định 1491/QĐ-BGDĐT');
  });
});

describe('quarter workbook import', () => {
  it('round-trips: export, fill, import; a second import of the same file changes nothing', async () => {
    const app = await districtOffice();
    ok(
      await app.dispatch('ntm.assessment.setValue', {
        unitCode: NAM_CAN,
        period: PERIOD,
        indicatorCode: '14.1.e',
        value: 97.5,
      }),
    );
    ok(
      await app.dispatch('ntm.assessment.setValue', {
        unitCode: NAM_CAN,
        period: PERIOD,
        indicatorCode: '5.a',
        value: 80,
      }),
    );
    const { workbook, ws } = await exported(app);
    set(ws, NAM_CAN, 'value:14.1.e', 98.5);
    set(ws, NAM_CAN, 'value:14.1.a', 'Có');
    set(ws, NAM_CAN, 'value:14.1.b', 'Mức độ 2');
    set(ws, NAM_CAN, 'manual:10', 'Đạt');
    set(ws, NAM_CAN, 'evidence:10', 'Biên bản số 12/BB-UBND ngày 10/6/2025');
    set(ws, NA_NGOI, 'value:5.a', 100);
    set(ws, NA_NGOI, 'manual:1', 'chưa đạt');
    const before = await auditCount(app);
    expect(ok(await importFile(app, workbook))).toEqual({ applied: 7, unchanged: 1 });

    const namCan = await view(app);
    expect(indicator(namCan, '14.1.e')).toMatchObject({ value: 98.5, status: 'met' });
    expect(indicator(namCan, '14.1.a')).toMatchObject({ value: true, status: 'met' });
    expect(indicator(namCan, '14.1.b')).toMatchObject({ value: 'muc_2', status: 'met' });
    expect(indicator(namCan, '10')).toMatchObject({
      manualMet: true,
      evidence: 'Biên bản số 12/BB-UBND ngày 10/6/2025',
      status: 'met',
    });
    expect(indicator(namCan, '5.a').value).toBe(80);
    const naNgoi = await view(app, NA_NGOI);
    expect(naNgoi.assessment?.status).toBe('draft');
    expect(indicator(naNgoi, '5.a').value).toBe(100);
    expect(indicator(naNgoi, '1')).toMatchObject({ manualMet: false, status: 'needs_manual' });
    // One audit entry per indicator written (6) and one for the import.
    expect((await auditCount(app)) - before).toBe(7);

    expect(ok(await importFile(app, workbook))).toEqual({ applied: 0, unchanged: 8 });
    const again = await exported(app);
    expect(again.ws.getCell(rowOf(again.ws, NAM_CAN), col(again.ws, 'value:14.1.b')).value).toBe('Mức độ 2');
    expect(again.ws.getCell(rowOf(again.ws, NA_NGOI), col(again.ws, 'manual:1')).value).toBe('Chưa đạt');
  });

  it('one bad cell among many good ones changes nothing and names the cell', async () => {
    const app = await districtOffice();
    ok(
      await app.dispatch('ntm.assessment.setValue', {
        unitCode: NAM_CAN,
        period: PERIOD,
        indicatorCode: '14.1.e',
        value: 97.5,
      }),
    );
    const { workbook, ws } = await exported(app);
    for (const unit of [NAM_CAN, NA_NGOI, '16840', '16813', '16816']) {
      set(ws, unit, 'value:14.1.e', 99);
      set(ws, unit, 'value:5.a', 100);
      set(ws, unit, 'manual:10', 'Đạt');
      set(ws, unit, 'evidence:10', 'Biên bản kiểm tra');
    }
    const bad = set(ws, '16816', 'value:5.b', 120);
    const before = await auditCount(app);
    const problems = problemsOf(await importFile(app, workbook));
    expect(problems).toEqual([{ sheet: ASSESSMENT_SHEET, cell: bad, reason: expect.stringContaining('0 đến 100') }]);
    expect(indicator(await view(app), '14.1.e').value).toBe(97.5);
    expect((await view(app, NA_NGOI)).assessment).toBeNull();
    expect(await auditCount(app)).toBe(before);
  });

  it('lists every problem of a file, in reading order', async () => {
    const app = await districtOffice();
    const { workbook, ws } = await exported(app);
    const cells = [
      set(ws, NAM_CAN, 'value:14.1.e', 'nhiều'),
      set(ws, NAM_CAN, 'value:14.1.a', 'Chắc có'),
      set(ws, NAM_CAN, 'value:14.1.b', 'Mức độ 9'),
      set(ws, NAM_CAN, 'manual:10', 'OK'),
      set(ws, NA_NGOI, 'value:5.a', { formula: '1/0', result: { error: '#DIV/0!' } }),
      set(ws, NA_NGOI, 'value:3.1', -5),
    ];
    set(ws, '16840', 'value:5.a', 100);
    const problems = problemsOf(await importFile(app, workbook));
    const position = (a: string) => {
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(a)!;
      return Number(row) * 1000 + [...letters!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    };
    expect(problems.map((p) => p.cell)).toEqual([...cells].sort((a, b) => position(a) - position(b)));
    expect(problems.find((p) => p.cell === cells[2])?.reason).toContain('Mức độ 1, Mức độ 2, Mức độ 3');
    expect(problems.find((p) => p.cell === cells[3])?.reason).toContain('"Đạt" hoặc "Chưa đạt"');
    expect(problems.find((p) => p.cell === cells[4])?.reason).toContain('#DIV/0!');
    expect(problems.find((p) => p.cell === cells[5])?.reason).toBe('Chỉ tiêu 3.1 (số liệu): tỷ lệ phải từ 0 đến 100%.');
    expect((await view(app, '16840')).assessment).toBeNull();
  });

  it('reads formulas as their results and refuses a formula without one', async () => {
    const app = await districtOffice();
    const { workbook, ws } = await exported(app);
    set(ws, NAM_CAN, 'value:14.1.e', { formula: '90+8.5', result: 98.5 });
    set(ws, NAM_CAN, 'evidence:10', { formula: '"Biên bản "&"số 3"', result: 'Biên bản số 3' });
    set(ws, NAM_CAN, 'manual:10', { formula: 'IF(1>0,"Đạt","Chưa đạt")', result: 'Đạt' });
    expect(ok(await importFile(app, workbook))).toEqual({ applied: 3, unchanged: 0 });
    expect(indicator(await view(app), '14.1.e').value).toBe(98.5);
    expect(indicator(await view(app), '10')).toMatchObject({
      manualMet: true,
      evidence: 'Biên bản số 3',
      status: 'met',
    });

    const second = await exported(app);
    const pending = set(second.ws, NA_NGOI, 'value:5.a', { formula: 'A1*2' } as CellValue);
    expect(problemsOf(await importFile(app, second.workbook))).toEqual([
      { sheet: ASSESSMENT_SHEET, cell: pending, reason: expect.stringContaining('chưa có kết quả') },
    ]);
  });

  it('writes Excel date serials as dd/mm/yyyy in text cells and refuses a date in a number cell', async () => {
    const app = await districtOffice();
    const { workbook, ws } = await exported(app);
    // 45792 is 15 May 2025 in Excel's 1900 date system.
    set(ws, NAM_CAN, 'evidence:10', 45792, 'dd/mm/yyyy');
    set(ws, NAM_CAN, 'manual:10', 'Đạt');
    set(ws, NA_NGOI, 'evidence:10', new Date(Date.UTC(2025, 4, 20)));
    set(ws, NA_NGOI, 'manual:10', 'Chưa đạt');
    expect(ok(await importFile(app, workbook))).toEqual({ applied: 4, unchanged: 0 });
    expect(indicator(await view(app), '10')).toMatchObject({ evidence: '15/05/2025', status: 'met' });
    expect(indicator(await view(app, NA_NGOI), '10')).toMatchObject({ evidence: '20/05/2025', status: 'not_met' });

    const second = await exported(app);
    const cell = set(second.ws, NAM_CAN, 'value:14.1.e', 45792, 'd/m');
    const problems = problemsOf(await importFile(app, second.workbook));
    expect(problems).toEqual([{ sheet: ASSESSMENT_SHEET, cell, reason: expect.stringContaining('không phải số') }]);
  });

  it('reads numbers typed as text with a decimal comma, and percentages typed or formatted with %', async () => {
    const app = await districtOffice();
    const { workbook, ws } = await exported(app);
    set(ws, NAM_CAN, 'value:14.1.e', '98,5');
    set(ws, NAM_CAN, 'value:5.a', ' 99,5 % ');
    set(ws, NAM_CAN, 'value:5.b', 0.75, '0%');
    set(ws, NA_NGOI, 'value:14.1.e', '97.25');
    set(ws, NA_NGOI, 'value:14.1.a', 'khong');
    set(ws, NA_NGOI, 'value:14.1.c', 'muc do 1');
    expect(ok(await importFile(app, workbook))).toEqual({ applied: 6, unchanged: 0 });
    const namCan = await view(app);
    expect(indicator(namCan, '14.1.e').value).toBe(98.5);
    expect(indicator(namCan, '5.a').value).toBe(99.5);
    expect(indicator(namCan, '5.b').value).toBe(75);
    const naNgoi = await view(app, NA_NGOI);
    expect(indicator(naNgoi, '14.1.e').value).toBe(97.25);
    expect(indicator(naNgoi, '14.1.a').value).toBe(false);
    expect(indicator(naNgoi, '14.1.c').value).toBe('muc_1');
  });

  it('refuses to change a locked quarter, but imports a file that leaves it as it is', async () => {
    const app = await districtOffice();
    const q = { unitCode: NAM_CAN, period: PERIOD };
    ok(await app.dispatch('ntm.assessment.setValue', { ...q, indicatorCode: '14.1.e', value: 97.5 }));
    ok(await app.dispatch('ntm.assessment.setStatus', { ...q, status: 'submitted' }));
    ok(await app.dispatch('ntm.assessment.setStatus', { ...q, status: 'locked' }));
    const { workbook, ws } = await exported(app);
    expect(ws.getCell(rowOf(ws, NAM_CAN), 3).value).toBe('Đã khóa');
    expect(ws.getCell(rowOf(ws, NAM_CAN), col(ws, 'value:14.1.e')).protection?.locked).not.toBe(false);
    set(ws, NA_NGOI, 'value:14.1.e', 99);
    expect(ok(await importFile(app, workbook))).toEqual({ applied: 1, unchanged: 1 });

    set(ws, NAM_CAN, 'value:14.1.e', 99);
    set(ws, NA_NGOI, 'value:14.1.e', 100);
    const refused = await importFile(app, workbook);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'ASSESSMENT_LOCKED', details: { communes: [`${NAM_CAN} Nậm Càn`] } },
    });
    expect(indicator(await view(app), '14.1.e').value).toBe(97.5);
    expect(indicator(await view(app, NA_NGOI), '14.1.e').value).toBe(99);
  });

  it('refuses a commune from another district, a wrong quarter and a file that is not a workbook', async () => {
    const app = await districtOffice();
    const { workbook, ws } = await exported(app);
    set(ws, NAM_CAN, 'value:14.1.e', 99);
    const extra = ws.rowCount + 1;
    ws.getCell(extra, 1).value = OTHER_DISTRICT;
    ws.getCell(extra, col(ws, 'value:14.1.e')).value = 99;
    expect(problemsOf(await importFile(app, workbook))).toEqual([
      {
        sheet: ASSESSMENT_SHEET,
        cell: `A${extra}`,
        reason: `Xã mã ${OTHER_DISTRICT} không thuộc địa bàn văn phòng quản lý.`,
      },
    ]);
    expect((await view(app)).assessment).toBeNull();

    ws.getRow(extra).values = [];
    expect(problemsOf(await importFile(app, workbook, '2025-Q3'))).toEqual([
      { sheet: ASSESSMENT_SHEET, cell: `B${KEY_ROW}`, reason: expect.stringContaining('không phải kỳ 2025-Q3') },
    ]);
    const junk = await app.dispatch('ntm.xlsx.import', {
      period: PERIOD,
      contentBase64: Buffer.from('không phải Excel').toString('base64'),
    });
    expect(problemsOf(junk)).toEqual([{ sheet: null, cell: null, reason: expect.stringContaining('.xlsx') }]);
  });
});
