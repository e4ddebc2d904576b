import { foldVietnamese } from '../../../core/text/vietnamese';
import type { CellValue } from 'exceljs';

/**
 * What a cell holds once Excel's representations are set aside: a formula is read as its cached result,
 * shared strings, rich text and hyperlinks as their plain text (NFC, trimmed), a date-formatted number as a
 * date. Blank text counts as empty.
 */
export type PlainCell =
  | { t: 'empty' }
  | { t: 'number'; n: number; percentFormat: boolean }
  | { t: 'text'; s: string }
  | { t: 'boolean'; b: boolean }
  | { t: 'date'; d: Date }
  | { t: 'error'; reason: string };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_1904_EPOCH_MS = Date.UTC(1904, 0, 1);

/**
 * A number format that shows a date or a time: a d, m, y, h or s token outside quoted text, colours and
 * locale tags ("[$-vi-VN]dd/mm/yyyy"). exceljs already turns most of these into dates; this catches the rest.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare);
}

/** An Excel date serial (days since 1899-12-30, or since 1904-01-01 in the 1904 date system) as a UTC date. */
export function dateFromSerial(serial: number, date1904 = false): Date {
  return new Date((date1904 ? EXCEL_1904_EPOCH_MS : EXCEL_EPOCH_MS) + Math.round(serial * 86_400_000));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** dd/mm/yyyy, with hh:mm when the date carries a time of day (Excel dates are read as UTC). */
export function formatDate(d: Date): string {
  const day = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0
    ? day
    : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isObject(v) && Array.isArray(v.richText))
    return (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  if (v === null || v === undefined) return '';
  return String(v);
}

function textCell(s: string): PlainCell {
  const clean = s.normalize('NFC').trim();
  return clean === '' ? { t: 'empty' } : { t: 'text', s: clean };
}

/** Reads what exceljs gives for a cell (its `value` and `numFmt`). */
export function plainOf(value: CellValue, numFmt: string | undefined, date1904 = false): PlainCell {
  if (value === null || value === undefined) return { t: 'empty' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { t: 'error', reason: 'Ô chứa số không hợp lệ.' };
    if (isDateFormat(numFmt)) return { t: 'date', d: dateFromSerial(value, date1904) };
    return { t: 'number', n: value, percentFormat: numFmt !== undefined && numFmt.includes('%') };
  }
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'boolean') return { t: 'boolean', b: value };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { t: 'error', reason: 'Ô chứa ngày không hợp lệ.' }
      : { t: 'date', d: value };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) {
      return { t: 'error', reason: 'Ô chứa công thức chưa có kết quả tính. Hãy mở tệp bằng Excel, lưu lại rồi nhập.' };
    }
    return plainOf(result as CellValue, numFmt, date1904);
  }
  if ('error' in value) return { t: 'error', reason: `Ô có lỗi ${String(value.error)}.` };
  if ('richText' in value) return textCell(textOf(value));
  if ('hyperlink' in value) return textCell(textOf((value as { text: unknown }).text));
  return { t: 'error', reason: 'Không đọc được nội dung ô.' };
}

/** Lower case, without diacritics (đ → d), single spaces: "Chưa  Đạt" → "chua dat". */
export const foldText = foldVietnamese;

/**
 * A number typed as text. Spaces (also non-breaking) are ignored; a single "," or "." is the decimal mark
 * ("12,5" = "12.5" = 12,5); a mark repeated in groups of three is a thousands separator ("1.234.567",
 * "1,234,567"); with both, the last one is the decimal mark ("1.234,5" = 1 234,5 as Vietnamese writes it).
 */
export function parseNumberText(s: string): number | null {
  const t = s.replace(/[\s\u00a0\u202f]/g, '');
  let m: RegExpExecArray | null;
  if ((m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(t))) return Number(`${m[1]}${m[2]}${m[3] ? `.${m[3]}` : ''}`);
  if ((m = /^([+-]?)(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(t)))
    return Number(`${m[1]}${m[2]!.replace(/\./g, '')}${m[3] ? `.${m[3]}` : ''}`);
  if ((m = /^([+-]?)(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(t)))
    return Number(`${m[1]}${m[2]!.replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
  return null;
}

/** Decimal comma as Vietnamese writes numbers. */
export function numberText(n: number): string {
  return String(n).replace('.', ',');
}
