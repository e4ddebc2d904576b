import { REFORM_DATE, type OfficeKind } from '../../../../core/contract/domain';
import { parsePeriod, periodOf } from '../../../../core/ntm/period';

/** Numbers as Vietnamese documents write them: decimal comma, dot for thousands ("1.234,5"). */
export function formatNumber(n: number | null | undefined, maxDigits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('vi-VN', { maximumFractionDigits: maxDigits });
}

/** A signed change, "+1,5" / "−2" / "0"; null when either side is missing. */
export function formatDelta(now: number | null, before: number | null, maxDigits = 1): string | null {
  if (now === null || before === null) return null;
  const d = Math.round((now - before) * 10 ** maxDigits) / 10 ** maxDigits;
  if (d === 0) return '0';
  return `${d > 0 ? '+' : '−'}${formatNumber(Math.abs(d), maxDigits)}`;
}

/** dd/mm/yyyy from "YYYY-MM-DD" (a calendar date, no time zone) or a full ISO timestamp (shown in local time). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${formatDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as YYYY-MM-DD in local time (the date a person sees on the office wall calendar). */
export function todayIso(now = new Date()): string {
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function currentPeriod(now = new Date()): string {
  return periodOf(todayIso(now));
}

/**
 * The quarter a screen opens on: the current one, except for a district office, whose communes ended with the
 * district tier on 30/6/2025 (REFORM_DATE): its last quarter, Quý II/2025, where its records can still be entered.
 */
export function defaultPeriodFor(kind: OfficeKind | undefined, now = new Date()): string {
  const current = currentPeriod(now);
  const lastDistrictQuarter = periodOf(new Date(Date.parse(`${REFORM_DATE}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
  return kind === 'district' && current > lastDistrictQuarter ? lastDistrictQuarter : current;
}

/** Short axis label: "Q2/25". */
export function shortPeriod(period: string): string {
  const { year, quarter } = parsePeriod(period);
  return `Q${quarter}/${String(year).slice(2)}`;
}

export function nextPeriod(period: string): string {
  const { year, quarter } = parsePeriod(period);
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

/** dd/mm/yyyy typed by a person → YYYY-MM-DD, or null when it is not a real date. */
export function parseVietnameseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
