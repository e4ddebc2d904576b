import type { ProgressStatus } from '../contract/plans';

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Share of [start, end] elapsed at asOf, clamped to 0–1 (both ends inclusive: on `end` the share is 1). */
export function elapsedShare(start: string, end: string, asOf: string): number {
  const total = daysBetween(start, end) + 1;
  const gone = daysBetween(start, asOf) + 1;
  return Math.min(1, Math.max(0, gone / total));
}

/** Whole months from asOf to 31 December of the year; negative once the year has passed. */
export function monthsLeft(asOf: string, year: number): number {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  return (year - y) * 12 + (12 - m);
}

export type PaceInput = {
  target: number;
  achieved: number;
  /** The figure at the start of the period (0 for "thêm trong kỳ"). */
  baseline: number;
  elapsed: number;
  ended: boolean;
};

/**
 * Achieved, on track or behind: a target is on track while the figure keeps up with a steady line from the
 * baseline at the start of the period to the target at its end. Directives set year-end or stage-end figures and
 * no intermediate milestones, so the straight line is the only fair yardstick; the UI says so.
 */
export function paceOf(p: PaceInput): { status: ProgressStatus; expected: number } {
  const expected = p.baseline + (p.target - p.baseline) * p.elapsed;
  if (p.achieved >= p.target) return { status: 'achieved', expected };
  if (p.ended) return { status: 'missed', expected };
  return { status: p.achieved + 1e-9 >= expected ? 'on_track' : 'behind', expected };
}

/** "Năm 2026" or "Giai đoạn 2021–2025". */
export function planPeriodLabel(yearFrom: number, yearTo: number): string {
  return yearFrom === yearTo ? `Năm ${yearFrom}` : `Giai đoạn ${yearFrom}–${yearTo}`;
}

/** 3.5 → "3,5" as Vietnamese documents write decimals. */
export function vnNumber(n: number): string {
  return (Math.round(n * 10) / 10).toString().replace('.', ',');
}
