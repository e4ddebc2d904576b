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
 * The value of an average for display, truncated (not rounded) to 2 decimals: the star bands start at whole points,
 * so truncation never shows a value that reaches a band the exact average did not reach.
 */
export function fractionToDisplay(f: Fraction): number {
  const hundredths = Math.floor((f.tenths * 10) / f.denominator);
  return hundredths / 100;
}

/** Exact comparison a/b >= c/d for positive denominators. */
export function fractionAtLeast(a: Fraction, b: Fraction): boolean {
  return a.tenths * b.denominator >= b.tenths * a.denominator;
}
