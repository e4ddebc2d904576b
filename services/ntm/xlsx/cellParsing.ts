import type { Indicator } from '../../../core/ntm/index';
import { foldText, formatDate, numberText, parseNumberText, type PlainCell } from './cellReading';
import { NO, VERDICT_MET, VERDICT_NOT_MET, YES } from './sheetLayout';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Evidence notes and text values have the contract's limits (ntmSchemas.assessmentSetValue). */
export const MAX_EVIDENCE_CHARS = 4000;
export const MAX_TEXT_VALUE_CHARS = 2000;

function dateInNumberColumn(d: Date): string {
  return `Ô chứa ngày ${formatDate(d)}, không phải số. Có thể Excel đã tự đổi số có dấu chấm (ví dụ 12.5) thành ngày: hãy định dạng ô là Số rồi nhập lại (ví dụ 12,5).`;
}

/** Rounds away binary noise from a ×100 (0.855 × 100 = 85.49999999999999). */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * A number or a percentage. A percentage may be typed 85, "85", "85%", "85,5 %", or be a cell formatted as a
 * percentage holding 0.85 (Excel's own way when one types 85% into it); a plain 0.85 stays 0.85 (%).
 */
export function parseNumeric(cell: PlainCell, percent: boolean): Parsed<number> {
  switch (cell.t) {
    case 'number':
      return ok(percent && cell.percentFormat ? tidy(cell.n * 100) : cell.n);
    case 'text': {
      const withPercent = percent ? /^(.*?)\s*%$/.exec(cell.s) : null;
      const n = parseNumberText(withPercent ? withPercent[1]! : cell.s);
      if (n === null)
        return bad(`"${cell.s}" không phải là số${percent ? ' (ví dụ 85 hoặc 85,5%)' : ' (ví dụ 12 hoặc 12,5)'}.`);
      return ok(n);
    }
    case 'date':
      return bad(dateInNumberColumn(cell.d));
    case 'boolean':
      return bad('Ô chứa giá trị đúng/sai (TRUE/FALSE), không phải số.');
    case 'error':
      return bad(cell.reason);
    case 'empty':
      return bad('Ô trống.');
    default: {
      const never: never = cell;
      return never;
    }
  }
}

/** Có / Không (any case, with or without diacritics), or an Excel TRUE / FALSE. */
export function parseYesNo(cell: PlainCell): Parsed<boolean> {
  if (cell.t === 'boolean') return ok(cell.b);
  if (cell.t === 'error') return bad(cell.reason);
  if (cell.t === 'text') {
    const f = foldText(cell.s);
    if (f === foldText(YES) || f === 'true') return ok(true);
    if (f === foldText(NO) || f === 'false') return ok(false);
  }
  return bad(`Phải là "${YES}" hoặc "${NO}".`);
}

/** Đạt / Chưa đạt (also "Không đạt"), any case, with or without diacritics; or an Excel TRUE / FALSE. */
export function parseVerdict(cell: PlainCell): Parsed<boolean> {
  if (cell.t === 'boolean') return ok(cell.b);
  if (cell.t === 'error') return bad(cell.reason);
  if (cell.t === 'text') {
    const f = foldText(cell.s);
    if (f === foldText(VERDICT_MET)) return ok(true);
    if (f === foldText(VERDICT_NOT_MET) || f === 'khong dat') return ok(false);
  }
  return bad(`Kết luận phải là "${VERDICT_MET}" hoặc "${VERDICT_NOT_MET}".`);
}

/** One of the indicator's choices, by its label (as listed in the cell's drop-down) or its stored value. */
export function parseChoice(cell: PlainCell, choices: NonNullable<Indicator['choices']>): Parsed<string> {
  if (cell.t === 'error') return bad(cell.reason);
  const typed = cell.t === 'text' ? cell.s : cell.t === 'number' ? numberText(cell.n) : null;
  if (typed !== null) {
    const f = foldText(typed);
    const hit = choices.find((c) => foldText(c.label) === f || foldText(c.value) === f);
    if (hit) return ok(hit.value);
  }
  return bad(`Phải chọn một trong: ${choices.map((c) => c.label).join(', ')}.`);
}

/** Any text; a number is written with a decimal comma, a date as dd/mm/yyyy, TRUE / FALSE as Có / Không. */
export function parseText(cell: PlainCell, maxChars: number): Parsed<string> {
  let s: string;
  switch (cell.t) {
    case 'text':
      s = cell.s;
      break;
    case 'number':
      s = numberText(cell.n);
      break;
    case 'date':
      s = formatDate(cell.d);
      break;
    case 'boolean':
      s = cell.b ? YES : NO;
      break;
    case 'error':
      return bad(cell.reason);
    case 'empty':
      return bad('Ô trống.');
    default: {
      const never: never = cell;
      return never;
    }
  }
  if (s.length > maxChars) return bad(`Nội dung dài ${s.length} ký tự, quá giới hạn ${maxChars} ký tự.`);
  return ok(s);
}

/** The value of an indicator's "Số liệu" cell, by the indicator's kind. */
export function parseIndicatorValue(cell: PlainCell, indicator: Indicator): Parsed<boolean | number | string> {
  switch (indicator.valueKind) {
    case 'boolean':
      return parseYesNo(cell);
    case 'number':
      return parseNumeric(cell, false);
    case 'percent':
      return parseNumeric(cell, true);
    case 'choice':
      return parseChoice(cell, indicator.choices ?? []);
    case 'text':
      return parseText(cell, MAX_TEXT_VALUE_CHARS);
    default: {
      const never: never = indicator.valueKind;
      return never;
    }
  }
}
