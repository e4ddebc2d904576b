import { AppError } from '../errors';
import { OcopErrorCode } from './ocopErrors';

/** Calendar dates as 'YYYY-MM-DD' strings, computed in UTC so that no time zone moves a deadline by a day. */
export type IsoDate = string;

export function parseIsoDate(value: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const y = match ? Number(match[1]) : NaN;
  const m = match ? Number(match[2]) : NaN;
  const d = match ? Number(match[3]) : NaN;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (!match || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new AppError(OcopErrorCode.dateInvalid, `Ngày không hợp lệ: "${value}" (cần dạng YYYY-MM-DD).`, { value });
  }
  return { y, m, d };
}

export function formatIsoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return formatIsoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The same day number `months` later; when that month is shorter, its last day. This is how a period counted in
 * months ends under Bộ luật Dân sự 2015, Điều 147 khoản 2 và Điều 148 khoản 1 (the decision counts the 36 months of
 * a certificate without its own rule).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return formatIsoDate(ty, tm, Math.min(d, lastDay));
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
