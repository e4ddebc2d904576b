import ExcelJS, { type Worksheet } from 'exceljs';

/**
 * One annex table (Biểu, Phụ lục) as a worksheet, shared by the periodic report's workbook and the re-assessment
 * round's annex: title rows (merged, above the table), the unit, one header row, plain data rows (never merged, so
 * a province's own spreadsheet can read them with a formula or a pivot table), then a total row with SUM formulas
 * and their values. Numbers are numbers and dates are dates (shown dd/mm/yyyy); Excel shows the separators of the
 * reader's locale (1.234,5 in Vietnamese).
 */
export const HEADER_ROW = 6;
export const INT = '#,##0';
export const DEC = '#,##0.0';
export const DATE = 'dd/mm/yyyy';
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };

export type Column = { header: string; width: number; format?: string };

export type AnnexSheetSpec = {
  /** The worksheet's name and its first line ("Biểu 01"). */
  name: string;
  /** The table's title, in capitals. */
  title: string;
  /** Line 3: the period or the round, with the date the figures are counted at. */
  subtitle: string;
  /** Line 4: "(Kèm theo …)", the document the table belongs to. */
  attachedTo: string;
  /** "Đơn vị tính: …". */
  unit: string;
};

/** A date cell's value from an ISO date (midnight UTC, so no time zone moves the day). */
export function dateCell(iso: string | null): Date | null {
  if (!iso) return null;
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/** A worksheet with its title rows and header row; the header row is frozen and filtered. */
export function annexSheet(wb: ExcelJS.Workbook, spec: AnnexSheetSpec, columns: Column[]): Worksheet {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }], pageSetup: { paperSize: 9, orientation: columns.length > 8 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = columns.map((c) => ({ width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  const last = columns.length;
  const title = (row: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' | 'right' = 'center') => {
    ws.getCell(row, 1).value = text;
    ws.getCell(row, 1).font = { name: 'Times New Roman', size: 12, ...font };
    ws.getCell(row, 1).alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    if (last > 1) ws.mergeCells(row, 1, row, last);
  };
  title(1, spec.name, { bold: true }, 'left');
  title(2, spec.title, { bold: true, size: 13 });
  title(3, spec.subtitle, { italic: true });
  title(4, spec.attachedTo, { italic: true, size: 11 });
  title(5, `Đơn vị tính: ${spec.unit}`, { italic: true, size: 11 }, 'right');
  const header = ws.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'Times New Roman', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } };
  });
  header.height = 32;
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: last } };
  return ws;
}

/** Data rows, boxed; then, when asked, a bold total row with SUM formulas over the given columns (and their values). */
export function addRows(ws: Worksheet, rows: (string | number | Date | null)[][], total?: { label: string; labelColumn: number; sumColumns: number[] }): void {
  const first = HEADER_ROW + 1;
  for (const values of rows) {
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > values.length) return;
      cell.border = BOX;
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof cell.value === 'string' && cell.value.length > 3 ? 'left' : 'center' };
    });
  }
  if (!total) return;
  const lastData = HEADER_ROW + rows.length;
  const values: (string | ExcelJS.CellFormulaValue | null)[] = new Array(ws.columnCount).fill(null);
  values[total.labelColumn - 1] = total.label;
  for (const col of total.sumColumns) {
    const letter = ws.getColumn(col).letter;
    const result = rows.reduce((a, r) => a + (typeof r[col - 1] === 'number' ? (r[col - 1] as number) : 0), 0);
    values[col - 1] = { formula: rows.length ? `SUM(${letter}${first}:${letter}${lastData})` : '0', result };
  }
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = BOX;
    cell.font = { name: 'Times New Roman', size: 11, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: typeof cell.value === 'string' ? 'left' : 'center' };
  });
}
