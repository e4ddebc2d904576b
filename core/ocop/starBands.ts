import type { StarBand } from './catalogModel';
import type { Fraction } from './points';

/**
 * The band of a total (or of the council's average total), compared exactly. QĐ 26/2026/QĐ-TTg, Điều 3, khoản 3:
 * 5 sao từ 90 đến 100; 4 sao từ 70 đến dưới 90; 3 sao từ 50 đến dưới 70; 2 sao từ 30 đến dưới 50; 1 sao dưới 30
 * (the same bands in QĐ 148/2023; QĐ 1048/2019 printed them as whole numbers 70–89 etc.).
 */
export function bandFor(bands: StarBand[], total: Fraction): number {
  for (const band of bands) {
    const atLeastMin = total.tenths >= band.min * 10 * total.denominator;
    const belowMax = band.maxExclusive === null || total.tenths < band.maxExclusive * 10 * total.denominator;
    if (atLeastMin && belowMax) return band.stars;
  }
  return 1;
}

/** The lowest total of the next band, or null at 5 stars. */
export function nextBandMin(bands: StarBand[], stars: number): number | null {
  return bands.find((b) => b.stars === stars + 1)?.min ?? null;
}
