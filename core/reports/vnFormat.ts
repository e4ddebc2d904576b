/**
 * Numbers and dates as Vietnamese documents write them, without the host's ICU data (the same text in the
 * renderer, the DOCX and the tests): "1.234,5"; "20/09/2026"; "Na Ngoi, ngày 20 tháng 9 năm 2026".
 */
export function formatVnNumber(n: number | null | undefined, maxFractionDigits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const factor = 10 ** maxFractionDigits;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  const [int, frac = ''] = rounded.toFixed(maxFractionDigits).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = frac.replace(/0+$/, '');
  return `${n < 0 && rounded !== 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** "+2", "-1", "0": a change between two counts as the tables print it. */
export function formatVnDelta(now: number, before: number, maxFractionDigits = 1): string {
  const d = Math.round((now - before) * 10 ** maxFractionDigits) / 10 ** maxFractionDigits;
  if (d === 0) return '0';
  return `${d > 0 ? '+' : '-'}${formatVnNumber(Math.abs(d), maxFractionDigits)}`;
}

/** 2026-09-20 → 20/09/2026. */
export function formatVnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The place and date line of NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.6: "Na Ngoi, ngày 20 tháng 9 năm 2026".
 * Days below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2027").
 */
export function placeDateLine(place: string, isoDate: string): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place ? `${place}, ` : ''}ngày ${day} tháng ${month} năm ${y}`;
}

/** Adds months to an ISO date, clamping the day to the month's end (31/8 + 6 months = 28/2 or 29/2). */
export function addMonthsIso(isoDate: string, months: number): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7)) - 1 + months;
  const d = Number(isoDate.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
