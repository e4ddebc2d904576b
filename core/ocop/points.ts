/**
 * Scores are kept as integers in tenths of a point so that sums are exact (a total printed as 69.99999 would put a
 * product in the wrong band). Averages are kept as a fraction (tenths numerator, integer denominator).
 */
export function toTenths(points: number): number {
  return Math.round(points * 10);
}

/** n/10 is the closest double to the decimal value, so it prints as written (695 → 69.5). */
export function tenthsToPoints(tenths: number): number {
  return tenths / 10;
}

export type Fraction = { tenths: number; denominator: number };

/**
 * The value of a score or an average, as exact as a double holds it (269/3 → 89.66666666666667): the decision
 * gives no rounding rule (QĐ 26/2026/QĐ-TTg, Điều 3, khoản 3 ranks on the "tổng điểm trung bình"), so nothing is
 * rounded away. Text shows it with pointsText.
 */
export function fractionValue(f: Fraction): number {
  return f.tenths / (10 * f.denominator);
}

/**
 * Points as Vietnamese text, at most 2 decimals, truncated (never rounded up): the star bands start at whole
 * points, so a shown value never reaches a band the exact value did not reach (89,996 shows as 89,99).
 */
export function pointsText(points: number): string {
  const hundredths = Math.floor(points * 100 + 1e-9);
  return String(hundredths / 100).replace('.', ',');
}

/** Exact comparison a/b >= c/d for positive denominators. */
export function fractionAtLeast(a: Fraction, b: Fraction): boolean {
  return a.tenths * b.denominator >= b.tenths * a.denominator;
}
