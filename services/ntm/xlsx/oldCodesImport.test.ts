import ExcelJS, { type Worksheet } from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, NtmAssessmentView, UnitCodeMapping } from '../../../core/contract/index';
import { AppError } from '../../../core/errors';
import { openApp, type AppHandle } from '../../app';
import { ASSESSMENT_SHEET, KEY_ROW } from './sheetLayout';

const opened: { app: AppHandle; dir: string }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.app.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
});

const PERIOD = '2025-Q3';

async function provinceOffice() {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-xlsx-old-'));
  const app = await openApp({ dataDir: dir, now: () => new Date('2025-10-01T08:00:00Z') });
  opened.push({ app, dir });
  const call = async <R,>(method: string, input: unknown): Promise<R> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as R;
  };
  await call('setup.complete', { kind: 'province', provinceCode: '40', unitCode: '40', officeName: 'Văn phòng Điều phối NTM tỉnh Nghệ An', parentBodyName: 'UBND TỈNH NGHỆ AN', staffName: 'Lô Thị Mai' });
  return { app, call };
}

function col(ws: Worksheet, key: string): number {
  const row = ws.getRow(KEY_ROW);
  for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).value === key) return c;
  throw new Error(`no column ${key}`);
}
function rowOf(ws: Worksheet, unitCode: string): number {
  for (let r = KEY_ROW + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === unitCode) return r;
  throw new Error(`no row ${unitCode}`);
}
/** Writes an old commune's code and a figure over the row of a current one, as a district's old sheet would carry it. */
function oldRow(ws: Worksheet, overCode: string, oldCode: string, value: number): number {
  const r = rowOf(ws, overCode);
  ws.getCell(r, 1).value = oldCode;
  ws.getCell(r, col(ws, 'value:14.1.e')).value = value;
  return r;
}

describe('an Excel sheet with old commune codes, imported by a current office', () => {
  it('reads full links as the new commune and reports split or merged rows as waiting, in one import', async () => {
    const { call } = await provinceOffice();
    const file = await call<{ contentBase64: string }>('ntm.xlsx.export', { period: PERIOD });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet(ASSESSMENT_SHEET)!;
    // Nậm Càn (16873) went wholly into Na Ngoi (16870): its row lands on Na Ngoi (whose own row is left empty).
    const namCanRow = oldRow(ws, '16816', '16873', 99);
    // Hòa Sơn (17647) was split between Vĩnh Tường and Văn Hiến: waits.
    const hoaSonRow = oldRow(ws, '17357', '17647', 95);
    // Tà Cạ (16852) and Tây Sơn (16864) both went into Mường Xén (16813): which figures are Mường Xén's? Both wait.
    const taCaRow = oldRow(ws, '16813', '16852', 98);
    const taySonRow = oldRow(ws, '16822', '16864', 97);

    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const r = await call<{ applied: number; unchanged: number; unitMapping: UnitCodeMapping }>('ntm.xlsx.import', { period: PERIOD, contentBase64: content });
    expect(r.applied).toBe(1);
    expect(r.unitMapping.mapped).toEqual([expect.objectContaining({ row: namCanRow, oldCode: '16873', oldName: 'Xã Nậm Càn', newCode: '16870', newName: 'Xã Na Ngoi', resolution: expect.stringMatching(/NQ-UBTVQH15$/) })]);
    expect(r.unitMapping.waiting.map((w) => [w.row, w.oldCode, w.reason, w.candidates.map((c) => c.code)])).toEqual(
      [
        [hoaSonRow, '17647', 'partial', ['17357', '17677']],
        [taCaRow, '16852', 'merged', ['16813']],
        [taySonRow, '16864', 'merged', ['16813']],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(r.unitMapping.waiting.find((w) => w.oldCode === '17647')!.message).toContain('Xã Văn Hiến (17677)');

    const naNgoi = await call<NtmAssessmentView>('ntm.assessment.get', { unitCode: '16870', period: PERIOD });
    expect(naNgoi.indicators.find((i) => i.code === '14.1.e')!.value).toBe(99);
    for (const untouched of ['17357', '17677', '16813', '16816']) {
      expect((await call<NtmAssessmentView>('ntm.assessment.get', { unitCode: untouched, period: PERIOD })).assessment).toBeNull();
    }
    const [entry] = await call<AuditEntry[]>('audit.list', { entity: 'ntm_assessment', limit: 1 });
    expect(entry).toMatchObject({ action: 'xlsx_import', after: { applied: 1, unitMapping: { mapped: [{ oldCode: '16873' }] } } });
  });
});
