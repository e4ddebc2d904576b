import type { Cell, Workbook } from 'exceljs';
import type { Kysely } from 'kysely';
import type { UnitCodeMapping } from '../../../core/contract/reform';
import type { Database } from '../../../db/schema';
import { oldUnitLinks } from '../../reform/lineageLinks';
import type { CommuneRow } from '../communes';
import { plainOf } from './cellReading';
import { ASSESSMENT_SHEET, NAME_COLUMN, parseFormatKey, STATUS_COLUMN, UNIT_COLUMN } from './sheetLayout';

type SheetRow = { row: number; code: string; hasContent: boolean };

function codeOf(cell: Cell): string | null {
  const plain = plainOf(cell.value, cell.numFmt);
  if (plain.t === 'text') return plain.s;
  if (plain.t === 'number' && Number.isInteger(plain.n) && plain.n >= 0) return String(plain.n).padStart(5, '0');
  return null;
}

function clearRow(cells: Cell[]): void {
  for (const c of cells) c.value = null;
}

/**
 * Lets a current office (commune or province) import a sheet whose rows carry old commune codes (a district's
 * file from before 1 July 2025): runs before readAssessmentSheet and rewrites the in-memory sheet, never the file.
 * - an old code with one `full` link to a commune of this office is read as that commune;
 * - a `partial` link (the old unit was split), or several filled rows that would land on one new commune (two
 *   old communes merged, or the new commune's own row is filled too), waits: the row is left out and reported,
 *   and the person puts the right code in the file and imports again. Nothing is guessed.
 * Rows without figures are dropped quietly; codes that are current, or that the lineage does not know, are left
 * for readAssessmentSheet to judge. A code that names both an old and a current unit is read as current.
 */
export async function mapOldUnitRows(db: Kysely<Database>, workbook: Workbook, communes: readonly CommuneRow[]): Promise<UnitCodeMapping> {
  const out: UnitCodeMapping = { mapped: [], waiting: [] };
  const ws = workbook.getWorksheet(ASSESSMENT_SHEET);
  if (!ws) return out;
  let keyRow = 0;
  for (let r = 1; r <= Math.min(30, ws.rowCount); r++) {
    const v = ws.getCell(r, UNIT_COLUMN).value;
    if (typeof v === 'string' && parseFormatKey(v.trim())) {
      keyRow = r;
      break;
    }
  }
  if (keyRow === 0) return out;

  const managed = new Map(communes.map((c) => [c.code, c]));
  const rows: SheetRow[] = [];
  const cellsOf = new Map<number, Cell[]>();
  for (let r = keyRow + 1; r <= ws.rowCount; r++) {
    const code = codeOf(ws.getCell(r, UNIT_COLUMN));
    if (code === null || !/^\d{5}$/.test(code)) continue;
    const cells: Cell[] = [];
    let hasContent = false;
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      if (c === NAME_COLUMN || c === STATUS_COLUMN) return;
      cells.push(cell);
      if (c !== UNIT_COLUMN && plainOf(cell.value, cell.numFmt).t !== 'empty') hasContent = true;
    });
    cellsOf.set(r, cells);
    rows.push({ row: r, code, hasContent });
  }
  const old = rows.filter((r) => !managed.has(r.code));
  if (old.length === 0) return out;
  const lineage = await oldUnitLinks(db, old.map((r) => r.code));

  // Which old rows would land on each new commune, and whether the new commune's own row carries figures.
  const landing = new Map<string, SheetRow[]>();
  const ownRow = new Map(rows.filter((r) => managed.has(r.code)).map((r) => [r.code, r]));
  for (const r of old) {
    const links = lineage.get(r.code)!.links;
    if (links.length === 0) continue;
    if (!r.hasContent) {
      ws.getCell(r.row, UNIT_COLUMN).value = null;
      continue;
    }
    const name = lineage.get(r.code)!.oldName;
    const candidates = links.map((l) => ({ code: l.unit.code, fullName: l.unit.fullName, share: l.share }));
    if (links.length === 1 && links[0]!.share === 'full') {
      if (!managed.has(links[0]!.unit.code)) continue;
      landing.set(links[0]!.unit.code, [...(landing.get(links[0]!.unit.code) ?? []), r]);
      continue;
    }
    out.waiting.push({
      row: r.row,
      oldCode: r.code,
      oldName: name,
      reason: 'partial',
      candidates,
      message: `${name ?? `Đơn vị mã ${r.code}`} được chia cho ${candidates.map((c) => `${c.fullName} (${c.code})`).join(', ')}: hãy ghi mã xã mới đúng vào dòng ${r.row} rồi nhập lại.`,
    });
    clearRow(cellsOf.get(r.row)!);
  }
  for (const [newCode, list] of landing) {
    const target = managed.get(newCode)!;
    const own = ownRow.get(newCode);
    if (list.length > 1 || own?.hasContent) {
      for (const r of list) {
        const name = lineage.get(r.code)!.oldName;
        out.waiting.push({
          row: r.row,
          oldCode: r.code,
          oldName: name,
          reason: 'merged',
          candidates: [{ code: newCode, fullName: target.full_name, share: 'full' }],
          message: `${name ?? `Đơn vị mã ${r.code}`} đã nhập vào ${target.full_name} (${newCode}) cùng với đơn vị khác có số liệu trong tệp: không biết số liệu nào là của ${target.full_name}; hãy giữ một dòng rồi nhập lại.`,
        });
        clearRow(cellsOf.get(r.row)!);
      }
      continue;
    }
    const r = list[0]!;
    // The new commune's own (empty) row would otherwise read as a second row of the same commune.
    if (own) ws.getCell(own.row, UNIT_COLUMN).value = null;
    ws.getCell(r.row, UNIT_COLUMN).value = newCode;
    const link = lineage.get(r.code)!.links[0]!;
    out.mapped.push({ row: r.row, oldCode: r.code, oldName: lineage.get(r.code)!.oldName, newCode, newName: target.full_name, resolution: link.resolution });
  }
  out.waiting.sort((a, b) => a.row - b.row);
  out.mapped.sort((a, b) => a.row - b.row);
  return out;
}
