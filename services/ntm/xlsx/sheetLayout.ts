import type { CompiledCatalog, CompiledIndicator } from '../../../core/ntm/index';

/**
 * The layout of the "Đánh giá" sheet, shared by export and import so that the two cannot drift apart.
 *
 *   row 1   title (quarter, catalog)
 *   row 2   office, export time, catalog decision
 *   row 3   criterion "Tiêu chí 5. Trường học", merged over its columns
 *   row 4   indicator "5.a — Tỷ lệ trường học …", merged over its columns
 *   row 5   unit, kind, how it is judged, threshold(s) with the decision they come from
 *   row 6   column caption: "Số liệu" | "Kết luận" | "Minh chứng"
 *   row 7   KEY ROW (hidden): the stable codes that import reads, never the visible names
 *   row 8…  one commune per row: A Mã xã (key), B Tên xã, C Trạng thái kỳ, then the indicator columns
 *
 * A rule indicator has one column (its value). A manual indicator has "Kết luận" (Đạt / Chưa đạt, the hand
 * judgement) and "Minh chứng" (the evidence note), preceded by "Số liệu" when its value is a number, a
 * percentage, a choice or a text (a boolean manual indicator's value would only repeat the judgement).
 */

export const ASSESSMENT_SHEET = 'Đánh giá';
export const GUIDE_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'DanhMuc';

export const XLSX_FORMAT = 'ntm-desk/ntm-assessment-xlsx';
export const XLSX_FORMAT_VERSION = 1;

export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const CRITERION_ROW = 3;
export const INDICATOR_ROW = 4;
export const DETAIL_ROW = 5;
export const CAPTION_ROW = 6;
export const KEY_ROW = 7;
export const FIRST_DATA_ROW = 8;

/** Fixed columns, 1-based. */
export const UNIT_COLUMN = 1;
export const NAME_COLUMN = 2;
export const STATUS_COLUMN = 3;
export const FIRST_INDICATOR_COLUMN = 4;

/** Key row cells of the fixed columns: the format marker, the quarter and the catalog. */
export const formatKey = (): string => `${XLSX_FORMAT} v${XLSX_FORMAT_VERSION}`;
export const periodKey = (period: string): string => `period:${period}`;
export const catalogKey = (id: string, revision: number): string => `catalog:${id}@${revision}`;

export type ColumnField = 'value' | 'manual' | 'evidence';

export type PlannedColumn = {
  /** 1-based sheet column. */
  col: number;
  field: ColumnField;
  indicator: CompiledIndicator;
  criterionNo: number;
};

export const columnKey = (field: ColumnField, code: string): string => `${field}:${code}`;

/** Parses a key row cell of an indicator column; null when it is not one. */
export function parseColumnKey(key: string): { field: ColumnField; code: string } | null {
  const m = /^(value|manual|evidence):(.+)$/.exec(key);
  return m ? { field: m[1] as ColumnField, code: m[2]! } : null;
}

/** Parses the format marker; null when the cell is not one. */
export function parseFormatKey(key: string): { version: number } | null {
  const m = /^ntm-desk\/ntm-assessment-xlsx v(\d+)$/.exec(key);
  return m ? { version: Number(m[1]) } : null;
}

export function fieldsOf(indicator: CompiledIndicator): ColumnField[] {
  if (!indicator.manual) return ['value'];
  return indicator.source.valueKind === 'boolean' ? ['manual', 'evidence'] : ['value', 'manual', 'evidence'];
}

/** Every indicator column of the catalog, in catalog order. */
export function planColumns(compiled: CompiledCatalog): PlannedColumn[] {
  const out: PlannedColumn[] = [];
  let col = FIRST_INDICATOR_COLUMN;
  for (const indicator of compiled.indicators) {
    const criterionNo = compiled.criteria[indicator.criterionIndex]!.no;
    for (const field of fieldsOf(indicator)) out.push({ col: col++, field, indicator, criterionNo });
  }
  return out;
}

export const COLUMN_CAPTIONS: Readonly<Record<ColumnField, string>> = {
  value: 'Số liệu',
  manual: 'Kết luận',
  evidence: 'Minh chứng',
};

export const STATUS_LABELS = { none: 'Chưa nhập', draft: 'Nháp', submitted: 'Đã gửi', locked: 'Đã khóa' } as const;

/** Words accepted in a "Kết luận" cell and in a Có/Không cell; compared after foldText(). */
export const VERDICT_MET = 'Đạt';
export const VERDICT_NOT_MET = 'Chưa đạt';
export const YES = 'Có';
export const NO = 'Không';
