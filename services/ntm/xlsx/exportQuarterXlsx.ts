import ExcelJS, { type Cell, type DataValidation, type Fill, type Worksheet } from 'exceljs';
import { parsePeriod, periodLabel } from '../../../core/ntm/period';
import { getOfficeProfile } from '../../../db/office';
import type { ServiceContext } from '../../context';
import { loadCatalog, type LoadedCatalog } from '../catalogs';
import { communeRows, officeScope } from '../communes';
import { formatDate } from './cellReading';
import { addGuideSheet } from './guideSheet';
import { KIND_LABELS, thresholdSummary } from './indicatorTexts';
import { quarterValues, type QuarterValue } from './quarterValues';
import {
  ASSESSMENT_SHEET,
  CAPTION_ROW,
  catalogKey,
  COLUMN_CAPTIONS,
  columnKey,
  CRITERION_ROW,
  DETAIL_ROW,
  FIRST_DATA_ROW,
  formatKey,
  INDICATOR_ROW,
  KEY_ROW,
  LISTS_SHEET,
  NAME_COLUMN,
  NO,
  periodKey,
  planColumns,
  STATUS_COLUMN,
  STATUS_LABELS,
  SUBTITLE_ROW,
  TITLE_ROW,
  UNIT_COLUMN,
  VERDICT_MET,
  VERDICT_NOT_MET,
  YES,
  type PlannedColumn,
} from './sheetLayout';

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const MANUAL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const CLOSED_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function quarterXlsxFileName(period: string, catalogId: string): string {
  return `danh-gia-ntm-${period}-${catalogId}.xlsx`;
}

/**
 * Data validations over whole column ranges. exceljs 4 supports `dataValidations.add(range, …)` but its
 * typings only declare the per-cell setter; one range per column keeps a province file small.
 */
function addValidation(ws: Worksheet, range: string, validation: DataValidation): void {
  (ws as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(
    range,
    validation,
  );
}

/** A drop-down list: written inline when Excel allows it, else from a hidden sheet (labels with commas, > 255 chars). */
function listFormula(workbook: ExcelJS.Workbook, items: string[]): string {
  const inline = items.join(',');
  if (inline.length <= 250 && !items.some((s) => s.includes(',') || s.includes('"'))) return `"${inline}"`;
  const lists = workbook.getWorksheet(LISTS_SHEET) ?? workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  const col = lists.columnCount + 1;
  items.forEach((s, i) => (lists.getCell(i + 1, col).value = s));
  const letter = lists.getColumn(col).letter;
  return `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${items.length}`;
}

function validationFor(workbook: ExcelJS.Workbook, column: PlannedColumn): DataValidation | null {
  const src = column.indicator.source;
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: `Chỉ tiêu ${src.code}` };
  if (column.field === 'manual') {
    return {
      ...common,
      type: 'list',
      formulae: [`"${VERDICT_MET},${VERDICT_NOT_MET}"`],
      error: `Chọn "${VERDICT_MET}" hoặc "${VERDICT_NOT_MET}".`,
    };
  }
  if (column.field === 'evidence') {
    return {
      ...common,
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [4000],
      error: 'Minh chứng tối đa 4000 ký tự.',
    };
  }
  switch (src.valueKind) {
    case 'boolean':
      return { ...common, type: 'list', formulae: [`"${YES},${NO}"`], error: `Chọn "${YES}" hoặc "${NO}".` };
    case 'choice':
      return {
        ...common,
        type: 'list',
        formulae: [
          listFormula(
            workbook,
            (src.choices ?? []).map((c) => c.label),
          ),
        ],
        error: 'Chọn một mục trong danh sách.',
      };
    case 'number':
      return {
        ...common,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: 'Nhập một số không âm.',
      };
    case 'percent':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, 100], error: 'Nhập tỷ lệ từ 0 đến 100.' };
    case 'text':
      return null;
    default: {
      const never: never = src.valueKind;
      return never;
    }
  }
}

/** The stored value as the cell shows it: Có/Không, a number, a choice's label, Đạt/Chưa đạt, text. */
function cellValueOf(column: PlannedColumn, stored: QuarterValue | undefined): string | number | null {
  if (!stored) return null;
  const src = column.indicator.source;
  switch (column.field) {
    case 'manual':
      return stored.manual_met === null ? null : stored.manual_met === 1 ? VERDICT_MET : VERDICT_NOT_MET;
    case 'evidence':
      return stored.evidence;
    case 'value': {
      if (stored.value_json === null) return null;
      const v = JSON.parse(stored.value_json) as boolean | number | string | null;
      if (v === null) return null;
      if (typeof v === 'boolean') return v ? YES : NO;
      if (src.valueKind === 'choice') return src.choices?.find((c) => c.value === v)?.label ?? String(v);
      return v;
    }
    default: {
      const never: never = column.field;
      return never;
    }
  }
}

function header(cell: Cell, text: string, fill: Fill = HEADER_FILL): void {
  cell.value = text;
  cell.font = { bold: true };
  cell.fill = fill;
  cell.border = BORDER;
  cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
}

function detailText(column: PlannedColumn, loaded: LoadedCatalog): string {
  const src = column.indicator.source;
  return [
    src.unit ? `Đơn vị: ${src.unit}` : null,
    `Loại: ${KIND_LABELS[src.valueKind]}`,
    `Đánh giá: ${src.judgement === 'rule' ? 'theo ngưỡng (tự động)' : 'thủ công, kèm minh chứng'}`,
    `${src.judgement === 'rule' ? 'Ngưỡng' : 'Mức'}: ${thresholdSummary(src, loaded.catalog)}`,
  ]
    .filter((s) => s !== null)
    .join('\n');
}

function writeHeader(
  ws: Worksheet,
  columns: PlannedColumn[],
  loaded: LoadedCatalog,
  period: string,
  subtitle: string,
): void {
  ws.getCell(TITLE_ROW, 1).value =
    `ĐÁNH GIÁ TIÊU CHÍ NÔNG THÔN MỚI — ${periodLabel(period).toUpperCase()} — ${loaded.catalog.name}`;
  ws.getCell(TITLE_ROW, 1).font = { bold: true, size: 13 };
  ws.getCell(SUBTITLE_ROW, 1).value = subtitle;
  ws.getCell(SUBTITLE_ROW, 1).font = { italic: true };

  for (const [col, text] of [
    [UNIT_COLUMN, 'Mã xã'],
    [NAME_COLUMN, 'Tên xã'],
    [STATUS_COLUMN, 'Trạng thái kỳ'],
  ] as const) {
    header(ws.getCell(CRITERION_ROW, col), text);
    ws.mergeCells(CRITERION_ROW, col, CAPTION_ROW, col);
  }

  const spans = (key: (c: PlannedColumn) => string) => {
    const out: { first: PlannedColumn; last: PlannedColumn }[] = [];
    for (const c of columns) {
      const open = out[out.length - 1];
      if (open && key(open.first) === key(c)) open.last = c;
      else out.push({ first: c, last: c });
    }
    return out;
  };
  for (const { first, last } of spans((c) => String(c.criterionNo))) {
    const criterion = loaded.catalog.criteria[first.indicator.criterionIndex]!;
    header(ws.getCell(CRITERION_ROW, first.col), `Tiêu chí ${criterion.no}. ${criterion.name}`);
    if (last.col > first.col) ws.mergeCells(CRITERION_ROW, first.col, CRITERION_ROW, last.col);
  }
  for (const { first, last } of spans((c) => c.indicator.code)) {
    const manualFill = first.indicator.manual ? MANUAL_FILL : HEADER_FILL;
    header(
      ws.getCell(INDICATOR_ROW, first.col),
      `${first.indicator.code} — ${first.indicator.source.text}`,
      manualFill,
    );
    header(ws.getCell(DETAIL_ROW, first.col), detailText(first, loaded), manualFill);
    ws.getCell(DETAIL_ROW, first.col).font = { bold: false, size: 9 };
    if (last.col > first.col) {
      ws.mergeCells(INDICATOR_ROW, first.col, INDICATOR_ROW, last.col);
      ws.mergeCells(DETAIL_ROW, first.col, DETAIL_ROW, last.col);
    }
  }
  for (const c of columns) {
    const unit = c.field === 'value' && c.indicator.source.unit ? ` (${c.indicator.source.unit})` : '';
    header(
      ws.getCell(CAPTION_ROW, c.col),
      COLUMN_CAPTIONS[c.field] + unit,
      c.indicator.manual ? MANUAL_FILL : HEADER_FILL,
    );
  }
  ws.getRow(INDICATOR_ROW).height = 75;
  ws.getRow(DETAIL_ROW).height = 110;

  const key = ws.getRow(KEY_ROW);
  key.getCell(UNIT_COLUMN).value = formatKey();
  key.getCell(NAME_COLUMN).value = periodKey(period);
  key.getCell(STATUS_COLUMN).value = catalogKey(loaded.catalog.id, loaded.catalog.revision);
  for (const c of columns) key.getCell(c.col).value = columnKey(c.field, c.indicator.code);
  key.hidden = true;
}

/**
 * The quarter as a workbook to fill offline: sheet "Đánh giá" (communes × indicators, existing values
 * prefilled, drop-downs and number checks, header and codes protected) and sheet "Hướng dẫn". The layout is
 * described in sheetLayout.ts; importQuarterXlsx reads it back.
 */
export async function exportQuarterXlsx(
  ctx: ServiceContext,
  input: { period: string; catalogId?: string },
): Promise<Buffer> {
  const scope = await officeScope(ctx);
  const loaded = await loadCatalog(ctx, input.catalogId, parsePeriod(input.period).year);
  const communes = await communeRows(ctx, scope);
  const office = await getOfficeProfile(ctx.db);
  const { assessments, values } = await quarterValues(
    ctx.db,
    communes.map((c) => c.id),
    input.period,
    loaded.catalog.id,
  );
  const columns = planColumns(loaded.compiled);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NTM Desk';
  workbook.created = ctx.now();
  const ws = workbook.addWorksheet(ASSESSMENT_SHEET, {
    views: [{ state: 'frozen', xSplit: STATUS_COLUMN, ySplit: KEY_ROW }],
  });
  const subtitle = `${office?.officeName ?? ''} — xuất ngày ${formatDate(ctx.now())} — ${loaded.catalog.legalBasis.decision}; kỳ ${input.period}. Xem trang "Hướng dẫn" trước khi điền.`;
  writeHeader(ws, columns, loaded, input.period, subtitle);

  ws.getColumn(UNIT_COLUMN).width = 9;
  ws.getColumn(NAME_COLUMN).width = 26;
  ws.getColumn(STATUS_COLUMN).width = 11;
  for (const c of columns) {
    const column = ws.getColumn(c.col);
    column.width =
      c.field === 'evidence' ? 32 : c.field === 'manual' ? 12 : c.indicator.source.valueKind === 'text' ? 28 : 14;
    const isText = c.field === 'evidence' || (c.field === 'value' && c.indicator.source.valueKind === 'text');
    if (isText) column.numFmt = '@';
  }

  communes.forEach((commune, i) => {
    const row = ws.getRow(FIRST_DATA_ROW + i);
    const assessment = assessments.get(commune.id);
    const status = assessment?.status ?? 'none';
    const open = status === 'none' || status === 'draft';
    const stored = assessment ? values.get(assessment.id) : undefined;
    row.getCell(UNIT_COLUMN).value = commune.code;
    row.getCell(NAME_COLUMN).value = commune.full_name;
    row.getCell(STATUS_COLUMN).value = STATUS_LABELS[status];
    for (const c of columns) {
      const cell = row.getCell(c.col);
      cell.value = cellValueOf(c, stored?.get(c.indicator.code));
      cell.border = BORDER;
      if (open) cell.protection = { locked: false };
      else cell.fill = CLOSED_FILL;
      if (c.field === 'evidence') cell.alignment = { wrapText: true, vertical: 'top' };
    }
    if (!open) for (const col of [UNIT_COLUMN, NAME_COLUMN, STATUS_COLUMN]) row.getCell(col).fill = CLOSED_FILL;
  });

  if (communes.length > 0) {
    const lastRow = FIRST_DATA_ROW + communes.length - 1;
    for (const c of columns) {
      const validation = validationFor(workbook, c);
      const letter = ws.getColumn(c.col).letter;
      if (validation) addValidation(ws, `${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`, validation);
    }
  }
  // Protected without a password: it guards the codes and headers against slips, not against the user.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  addGuideSheet(workbook, periodLabel(input.period), loaded);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
