import type { IsoDate } from './isoDate';
import { formatIsoDate, parseIsoDate } from './isoDate';

/**
 * Evaluation rounds, QĐ 26/2026/QĐ-TTg, Điều 5 (at least two a year at each level; more only if the council's
 * regulation provides for them):
 * - khoản 1, cấp tỉnh: đợt 01 trước ngày 30/6 for dossiers the xã proposes before 30/4; đợt 02 trước ngày 30/12 for
 *   dossiers proposed before 30/10.
 * - khoản 2, cấp trung ương: đợt 01 trước ngày 30/9 for dossiers the tỉnh proposes before 30/7; đợt 02 trước ngày
 *   30/3 for dossiers proposed before 30/01.
 * "Trước ngày" is read as strictly before: a dossier proposed on 30/4 goes to the next round.
 */
export type EvaluationLevel = 'province' | 'central';

type RoundRule = { round: 1 | 2; proposeBefore: [number, number]; evaluateBefore: [number, number] };

export const EVALUATION_ROUNDS: Record<EvaluationLevel, RoundRule[]> = {
  // Listed in calendar order of the proposal deadline.
  province: [
    { round: 1, proposeBefore: [4, 30], evaluateBefore: [6, 30] },
    { round: 2, proposeBefore: [10, 30], evaluateBefore: [12, 30] },
  ],
  central: [
    { round: 2, proposeBefore: [1, 30], evaluateBefore: [3, 30] },
    { round: 1, proposeBefore: [7, 30], evaluateBefore: [9, 30] },
  ],
};

export type EvaluationRound = { level: EvaluationLevel; round: 1 | 2; proposeBefore: IsoDate; evaluateBefore: IsoDate };

/** The first regular round a dossier proposed on `proposedOn` can enter. */
export function nextEvaluationRound(level: EvaluationLevel, proposedOn: IsoDate): EvaluationRound {
  const { y } = parseIsoDate(proposedOn);
  for (const year of [y, y + 1]) {
    for (const rule of EVALUATION_ROUNDS[level]) {
      const proposeBefore = formatIsoDate(year, rule.proposeBefore[0], rule.proposeBefore[1]);
      if (proposedOn < proposeBefore) {
        return {
          level,
          round: rule.round,
          proposeBefore,
          evaluateBefore: formatIsoDate(year, rule.evaluateBefore[0], rule.evaluateBefore[1]),
        };
      }
    }
  }
  throw new Error('unreachable: every date precedes a proposal deadline of the next year');
}
