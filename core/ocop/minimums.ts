import type { MinStars, OcopCriterion, OcopOption } from './catalogModel';
import type { Fraction } from './points';
import { fractionAtLeast, fractionValue } from './points';

/**
 * Per-star minimums. Every sheet of QĐ 26/2026/QĐ-TTg (Phụ lục II) ends with "Dấu sao là yêu cầu tối thiểu phải
 * đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao)": an option marked with N asterisks is the
 * least a product must reach in that criterion to be ranked N stars.
 *
 * "Reaching" a marked option is decided by points: the criterion's score is at least the marked option's points.
 * Why points and not position: (1) "tối thiểu" is a floor on a scale and the options of every sheet are printed in
 * ascending order of points; (2) it is the only reading that also works for the council's average score per
 * criterion (Điều 3, khoản 3 ranks by "tổng điểm trung bình"); (3) on every shipped sheet the two readings give the
 * same answer (ties in points only occur where no option is marked, e.g. bộ 7 tiêu chí 3.1), which a test checks.
 */
export type CriterionScore = {
  criterion: OcopCriterion;
  /** The score in tenths; denominator 1 for one evaluator, the number of members for a council average. */
  score: Fraction;
  /** The option one evaluator chose; null for a council average or a yes/no item. */
  chosen: OcopOption | null;
};

export type UnmetMinimum = {
  code: string;
  title: string;
  stars: MinStars;
  requiredOption: number;
  requiredLabel: string;
  requiredPoints: number;
  chosenOption: number | null;
  chosenLabel: string | null;
  chosenPoints: number;
};

/** All minimums (any star level) that the scores do not reach, in the sheet's order then by level. */
export function unmetMinimums(scores: CriterionScore[]): UnmetMinimum[] {
  const out: UnmetMinimum[] = [];
  for (const { criterion, score, chosen } of scores) {
    for (const option of criterion.options) {
      if (option.minStars === null || option.tenths === null) continue;
      if (fractionAtLeast(score, { tenths: option.tenths, denominator: 1 })) continue;
      out.push({
        code: criterion.code,
        title: criterion.title,
        stars: option.minStars,
        requiredOption: option.number,
        requiredLabel: option.label,
        requiredPoints: option.points ?? 0,
        chosenOption: chosen?.number ?? null,
        chosenLabel: chosen?.label ?? null,
        chosenPoints: fractionValue(score),
      });
    }
  }
  return out;
}

/**
 * The stars awarded: the band, lowered until every minimum of that level and of every lower level is met.
 * Levels 1 and 2 have no minimums, so a product whose 3-star minimums fail is ranked at most 2 stars.
 * Returns the minimums that hold the product below its band (all unmet ones at or below the band).
 */
export function capByMinimums(band: number, unmet: UnmetMinimum[]): { stars: number; heldBackBy: UnmetMinimum[] } {
  let stars = band;
  while (stars > 2 && unmet.some((m) => m.stars <= stars)) stars -= 1;
  const heldBackBy = unmet.filter((m) => m.stars <= band).sort((a, b) => a.stars - b.stars);
  return { stars, heldBackBy };
}
