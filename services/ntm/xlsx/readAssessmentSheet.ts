import type { Cell, Workbook } from 'exceljs';
import { AppError } from '../../../core/errors';
import { checkValue } from '../assessment';
import type { LoadedCatalog } from '../catalogs';
import type { CommuneRow } from '../communes';
import { parseIndicatorValue, parseText, parseVerdict, MAX_EVIDENCE_CHARS, type Parsed } from './cellParsing';
import { plainOf, type PlainCell } from './cellReading';
import {
  ASSESSMENT_SHEET,
  fieldsOf,
  FIRST_INDICATOR_COLUMN,
  NAME_COLUMN,
  parseColumnKey,
  parseFormatKey,
  periodKey,
  STATUS_COLUMN,
  UNIT_COLUMN,
  XLSX_FORMAT_VERSION,
  type ColumnField,
} from './sheetLayout';

/** One thing wrong with the file: where (sheet, cell like "D7") and why, in Vietnamese. */
export type XlsxProblem = { sheet: string | null; cell: string | null; reason: string };

export type ReadCell = { code: string; field: ColumnField; value: boolean | number | string; address: string };
export type ReadRow = { commune: CommuneRow; rowNumber: number; cells: ReadCell[] };

/** Refuses the whole file, listing every problem (the message shows the first ten). */
export function xlsxInvalid(problems: XlsxProblem[]): AppError {
  const shown = problems.slice(0, 10).map((p) => (p.cell ? `${p.cell}: ${p.reason}` : p.reason));
  return new AppError(
    'XLSX_INVALID',
    `Tệp Excel có ${problems.length} lỗi, chưa nhập ô nào. ${shown.join(' | ')}${problems.length > 10 ? ` | … và ${problems.length - 10} lỗi khác` : ''}`,
    { problems },
  );
}

function keyText(cell: Cell): string {
  const v = cell.value;
  return typeof v === 'string' ? v.trim() : '';
}

/** A commune code as typed: "16873", or a number Excel made of it (leading zeros restored). */
function unitCodeOf(plain: PlainCell): string | null {
  if (plain.t === 'text') return plain.s;
  if (plain.t === 'number' && Number.isInteger(plain.n) && plain.n >= 0) return String(plain.n).padStart(5, '0');
  return null;
}

/** The master of a merged range is read; the other cells of the range repeat it and are skipped. */
function isMergedSlave(cell: Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

/**
 * Reads the "Đánh giá" sheet of an exported workbook into typed cells, by the codes of the hidden key row
 * (never by the visible names). Reads every cell and collects every problem rather than stopping at the
 * first; the caller refuses the file when there is any.
 */
export function readAssessmentSheet(
  workbook: Workbook,
  options: { period: string; loaded: LoadedCatalog; communes: readonly CommuneRow[] },
): { rows: ReadRow[]; problems: XlsxProblem[] } {
  const problems: XlsxProblem[] = [];
  const ws = workbook.getWorksheet(ASSESSMENT_SHEET);
  if (!ws) {
    return {
      rows: [],
      problems: [
        { sheet: null, cell: null, reason: `Tệp không có trang "${ASSESSMENT_SHEET}". Hãy dùng tệp xuất từ NTM Desk.` },
      ],
    };
  }
  const at = (cell: Cell, reason: string) => problems.push({ sheet: ASSESSMENT_SHEET, cell: cell.address, reason });
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const { loaded } = options;

  let keyRow = 0;
  for (let r = 1; r <= Math.min(30, ws.rowCount); r++) {
    if (parseFormatKey(keyText(ws.getCell(r, UNIT_COLUMN)))) {
      keyRow = r;
      break;
    }
  }
  if (keyRow === 0) {
    return {
      rows: [],
      problems: [
        {
          sheet: ASSESSMENT_SHEET,
          cell: null,
          reason:
            'Không tìm thấy dòng mã (ẩn) của biểu NTM Desk. Hãy dùng tệp xuất từ ứng dụng, không chép số liệu sang tệp khác.',
        },
      ],
    };
  }
  const formatCell = ws.getCell(keyRow, UNIT_COLUMN);
  const version = parseFormatKey(keyText(formatCell))!.version;
  if (version > XLSX_FORMAT_VERSION) {
    at(
      formatCell,
      `Tệp được tạo bởi phiên bản NTM Desk mới hơn (định dạng ${version}); hãy cập nhật ứng dụng rồi nhập lại.`,
    );
    return { rows: [], problems };
  }
  const periodCell = ws.getCell(keyRow, NAME_COLUMN);
  if (keyText(periodCell) !== periodKey(options.period)) {
    at(
      periodCell,
      `Tệp là biểu của kỳ "${keyText(periodCell).replace(/^period:/, '')}", không phải kỳ ${options.period}.`,
    );
  }
  const catalogCell = ws.getCell(keyRow, STATUS_COLUMN);
  const fileCatalog = /^catalog:(.+)@\d+$/.exec(keyText(catalogCell))?.[1];
  if (fileCatalog !== loaded.catalog.id) {
    at(
      catalogCell,
      `Tệp theo bộ tiêu chí "${fileCatalog ?? '?'}", không phải "${loaded.catalog.id}" (${loaded.catalog.name}).`,
    );
  }

  // Indicator columns, by their key.
  const columns = new Map<number, { code: string; field: ColumnField }>();
  const seen = new Set<string>();
  const key = ws.getRow(keyRow);
  for (let c = FIRST_INDICATOR_COLUMN; c <= ws.columnCount; c++) {
    const cell = key.getCell(c);
    const text = keyText(cell);
    if (text === '') continue;
    const parsed = parseColumnKey(text);
    const i = parsed ? loaded.compiled.indicatorIndex.get(parsed.code) : undefined;
    if (!parsed || i === undefined) {
      at(cell, `Cột có mã "${text}" không phải chỉ tiêu của bộ tiêu chí "${loaded.catalog.name}".`);
      continue;
    }
    if (!fieldsOf(loaded.compiled.indicators[i]!).includes(parsed.field) || seen.has(text)) {
      at(cell, `Cột có mã "${text}" bị lặp hoặc không đúng biểu mẫu.`);
      continue;
    }
    seen.add(text);
    columns.set(c, parsed);
  }

  const byCode = new Map(options.communes.map((c) => [c.code, c]));
  const rowOfCommune = new Map<string, number>();
  const rows: ReadRow[] = [];
  for (let r = keyRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: ReadCell[] = [];
    let hasContent = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c === UNIT_COLUMN || c === NAME_COLUMN || c === STATUS_COLUMN || isMergedSlave(cell)) return;
      const plain = plainOf(cell.value, cell.numFmt, date1904);
      if (plain.t === 'empty') return;
      hasContent = true;
      const column = columns.get(c);
      if (!column) {
        at(cell, 'Ô nằm ngoài các cột chỉ tiêu của biểu mẫu (cột không có mã chỉ tiêu); hãy xóa nội dung ô này.');
        return;
      }
      const indicator = loaded.compiled.indicators[loaded.compiled.indicatorIndex.get(column.code)!]!.source;
      let parsed: Parsed<boolean | number | string>;
      switch (column.field) {
        case 'value':
          parsed = parseIndicatorValue(plain, indicator);
          if (parsed.ok) {
            try {
              checkValue(loaded, column.code, parsed.value);
            } catch (e) {
              if (!(e instanceof AppError)) throw e;
              // checkValue says "Chỉ tiêu X: …"; the problem line names the indicator already.
              parsed = { ok: false, reason: e.message.replace(/^Chỉ tiêu [^:]+: /, '') };
            }
          }
          break;
        case 'manual':
          parsed = parseVerdict(plain);
          break;
        case 'evidence':
          parsed = parseText(plain, MAX_EVIDENCE_CHARS);
          break;
        default: {
          const never: never = column.field;
          return never;
        }
      }
      if (!parsed.ok)
        at(
          cell,
          `Chỉ tiêu ${column.code} (${column.field === 'manual' ? 'kết luận' : column.field === 'evidence' ? 'minh chứng' : 'số liệu'}): ${parsed.reason}`,
        );
      else cells.push({ code: column.code, field: column.field, value: parsed.value, address: cell.address });
    });

    const unitCell = row.getCell(UNIT_COLUMN);
    const code = unitCodeOf(plainOf(unitCell.value, unitCell.numFmt, date1904));
    if (code === null) {
      if (hasContent) at(unitCell, 'Dòng có số liệu nhưng thiếu mã xã.');
      continue;
    }
    if (!/^\d{5}$/.test(code)) {
      at(unitCell, `Mã xã "${code}" không hợp lệ (phải gồm 5 chữ số).`);
      continue;
    }
    const commune = byCode.get(code);
    if (!commune) {
      at(unitCell, `Xã mã ${code} không thuộc địa bàn văn phòng quản lý.`);
      continue;
    }
    const earlier = rowOfCommune.get(code);
    if (earlier !== undefined) {
      at(unitCell, `Xã mã ${code} (${commune.name}) đã có ở dòng ${earlier}.`);
      continue;
    }
    rowOfCommune.set(code, r);
    rows.push({ commune, rowNumber: r, cells });
  }
  return { rows, problems };
}
