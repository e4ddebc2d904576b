/**
 * Report periods: a quarter "2026-Q3", a half year "2026-H1" / "2026-H2", or a year "2026". NTM assessments are
 * quarterly, so a longer period reads the assessments of its last quarter (H1 → Q2, H2 and the year → Q4).
 */
export type ReportPeriodKind = 'quarter' | 'half' | 'year';

export type ReportPeriod = {
  readonly id: string;
  readonly kind: ReportPeriodKind;
  readonly year: number;
  /** Quarter 1–4, half 1–2, or 1 for a year. */
  readonly index: number;
};

export const REPORT_PERIOD_PATTERN = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

export const REPORT_PERIOD_KIND_LABELS: Record<ReportPeriodKind, string> = {
  quarter: 'Quý',
  half: '6 tháng',
  year: 'Năm',
};

export function isReportPeriod(id: string): boolean {
  return REPORT_PERIOD_PATTERN.test(id);
}

export function parseReportPeriod(id: string): ReportPeriod {
  const m = REPORT_PERIOD_PATTERN.exec(id);
  if (!m) throw new Error(`invalid report period ${id}`);
  const year = Number(m[1]);
  const part = m[2];
  if (!part) return { id, kind: 'year', year, index: 1 };
  if (part.startsWith('Q')) return { id, kind: 'quarter', year, index: Number(part.slice(1)) };
  return { id, kind: 'half', year, index: Number(part.slice(1)) };
}

export function reportPeriodId(kind: ReportPeriodKind, year: number, index: number): string {
  switch (kind) {
    case 'quarter':
      return `${year}-Q${index}`;
    case 'half':
      return `${year}-H${index}`;
    case 'year':
      return String(year);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** First and last month (1–12) of the period. */
export function periodMonths(p: ReportPeriod): { first: number; last: number } {
  switch (p.kind) {
    case 'quarter':
      return { first: p.index * 3 - 2, last: p.index * 3 };
    case 'half':
      return { first: p.index * 6 - 5, last: p.index * 6 };
    case 'year':
      return { first: 1, last: 12 };
    default: {
      const never: never = p.kind;
      return never;
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function periodStart(p: ReportPeriod): string {
  return `${p.year}-${pad(periodMonths(p).first)}-01`;
}

export function periodEnd(p: ReportPeriod): string {
  const { last } = periodMonths(p);
  return `${p.year}-${pad(last)}-${pad(daysInMonth(p.year, last))}`;
}

/** The quarter whose assessments a report of this period reads: the period's last quarter. */
export function assessmentQuarterOf(p: ReportPeriod): string {
  return `${p.year}-Q${periodMonths(p).last / 3}`;
}

/** The previous period of the same kind ("change since the previous period"). */
export function previousReportPeriod(p: ReportPeriod): ReportPeriod {
  const count = p.kind === 'quarter' ? 4 : p.kind === 'half' ? 2 : 1;
  const id = p.index > 1 ? reportPeriodId(p.kind, p.year, p.index - 1) : reportPeriodId(p.kind, p.year - 1, count);
  return parseReportPeriod(id);
}

export function nextReportPeriod(p: ReportPeriod): ReportPeriod {
  const count = p.kind === 'quarter' ? 4 : p.kind === 'half' ? 2 : 1;
  const id = p.index < count ? reportPeriodId(p.kind, p.year, p.index + 1) : reportPeriodId(p.kind, p.year + 1, 1);
  return parseReportPeriod(id);
}

/** The period of a kind that contains an ISO date. */
export function reportPeriodOfDate(kind: ReportPeriodKind, isoDate: string): ReportPeriod {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const index = kind === 'quarter' ? Math.ceil(month / 3) : kind === 'half' ? Math.ceil(month / 6) : 1;
  return parseReportPeriod(reportPeriodId(kind, year, index));
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** As Vietnamese reports name their period: "Quý III năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
export function reportPeriodLabel(p: ReportPeriod): string {
  switch (p.kind) {
    case 'quarter':
      return `Quý ${ROMAN[p.index - 1]} năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
    default: {
      const never: never = p.kind;
      return never;
    }
  }
}

/** The n quarters ending with `quarter` ("YYYY-Qn"), oldest first. */
export function quartersEndingAt(quarter: string, n: number): string[] {
  const out = [quarter];
  while (out.length < n) {
    const [y, q] = [Number(out[0]!.slice(0, 4)), Number(out[0]!.slice(6))];
    out.unshift(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`);
  }
  return out;
}

export function quarterEnd(quarter: string): string {
  return periodEnd(parseReportPeriod(quarter));
}

/** "Q3/26" for chart axes (ASCII, so the chart image's own font can draw it). */
export function shortQuarter(quarter: string): string {
  return `Q${quarter.slice(6)}/${quarter.slice(2, 4)}`;
}
