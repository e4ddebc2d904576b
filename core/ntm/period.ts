/** Quarters as "YYYY-Qn". */
export function parsePeriod(period: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new Error(`invalid period ${period}`);
  return { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
}

export function previousPeriod(period: string): string {
  const { year, quarter } = parsePeriod(period);
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

/** The n quarters ending with `period`, oldest first. */
export function periodsEndingAt(period: string, n: number): string[] {
  const out = [period];
  while (out.length < n) out.unshift(previousPeriod(out[0]!));
  return out;
}

/** "Quý III/2026" as Vietnamese documents write it. */
export function periodLabel(period: string): string {
  const { year, quarter } = parsePeriod(period);
  return `Quý ${['I', 'II', 'III', 'IV'][quarter - 1]}/${year}`;
}

/** The quarter containing an ISO date. */
export function periodOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The last day of a quarter (ISO): the date a quarter's assessment speaks for. */
export function periodEndDate(period: string): string {
  const { year, quarter } = parsePeriod(period);
  return `${year}-${['03-31', '06-30', '09-30', '12-31'][quarter - 1]}`;
}
