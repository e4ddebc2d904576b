import type { Catalog } from './catalogSchema';

export type SummaryBand = {
  /** 1 = highest band. */
  readonly rank: number;
  readonly minMet: number;
  readonly maxMet: number;
  readonly label: string;
  /** true when scaled from the 19-criteria bands rather than given by the catalog. */
  readonly derived: boolean;
};

/**
 * The reporting bands of the 19-criteria sets (QĐ 491/2009, QĐ 1980/2016, QĐ 318/2022): 19; 15–18; 10–14;
 * 5–9; under 5. These are reporting groupings, not legal thresholds; "no commune below 15 criteria" is a
 * 2021–2025 target (QĐ 263/QĐ-TTg, DOMAIN.md §1.5).
 */
const BASE_TOTAL = 19;
const BASE_LOWER_BOUNDS = [19, 15, 10, 5, 0] as const;

/**
 * For a set of n criteria (e.g. the 10 of QĐ 51/2025/QĐ-TTg) the bands keep the same share of criteria met:
 * lower bound ⌈b × n / 19⌉ for each 19-set bound b, so a commune is in a band exactly when met/n ≥ b/19.
 * For n = 19 this gives back 19/15/10/5; for n = 10 it gives 10; 8–9; 6–7; 3–5; under 3. Bands that become
 * empty for very small n are dropped. No decision defines bands for the 10-criteria set, hence `derived`.
 */
export function deriveBands(criteriaCount: number): SummaryBand[] {
  const lowerBounds: number[] = [];
  for (const bound of BASE_LOWER_BOUNDS) {
    const scaled = Math.floor((bound * criteriaCount + BASE_TOTAL - 1) / BASE_TOTAL);
    if (lowerBounds.length === 0 || scaled < lowerBounds[lowerBounds.length - 1]) lowerBounds.push(scaled);
  }
  return toBands(lowerBounds, criteriaCount, criteriaCount !== BASE_TOTAL);
}

function toBands(lowerBounds: readonly number[], criteriaCount: number, derived: boolean): SummaryBand[] {
  return lowerBounds.map((minMet, i) => {
    const maxMet = i === 0 ? criteriaCount : lowerBounds[i - 1] - 1;
    let label: string;
    if (minMet === criteriaCount) label = `Đạt đủ ${criteriaCount}/${criteriaCount} tiêu chí`;
    else if (minMet === 0) label = `Dưới ${maxMet + 1} tiêu chí`;
    else if (minMet === maxMet) label = `Đạt ${minMet} tiêu chí`;
    else label = `Đạt ${minMet}–${maxMet} tiêu chí`;
    return { rank: i + 1, minMet, maxMet, label, derived };
  });
}

export function bandsFor(catalog: Pick<Catalog, 'summaryBands' | 'criteria'>): SummaryBand[] {
  const spec = catalog.summaryBands;
  switch (spec.mode) {
    case 'none':
      return [];
    case 'derived':
      return deriveBands(catalog.criteria.length);
    case 'explicit': {
      const bounds = spec.bands.map((b) => b.minMet);
      const generated = toBands(bounds, catalog.criteria.length, false);
      return generated.map((band, i) => ({ ...band, label: spec.bands[i].label }));
    }
    default: {
      const never: never = spec;
      return never;
    }
  }
}

const bandCache = new WeakMap<object, SummaryBand[]>();

/** The band a count of met criteria falls in; null when the catalog has no bands. */
export function bandFor(catalog: Pick<Catalog, 'summaryBands' | 'criteria'>, metCount: number): SummaryBand | null {
  let bands = bandCache.get(catalog);
  if (!bands) {
    bands = bandsFor(catalog);
    bandCache.set(catalog, bands);
  }
  for (const band of bands) if (metCount >= band.minMet) return band;
  return null;
}
