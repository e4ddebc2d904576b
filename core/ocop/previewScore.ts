import { AppError } from '../errors';
import type { OcopAnswers } from './answers';
import type { OcopSheet, OcopVersion, PartCode } from './catalogModel';
import type { CouncilScoreResult } from './councilScore';
import { scoreCouncil } from './councilScore';
import type { Disqualification } from './disqualification';
import { fractionValue } from './points';
import type { OcopScoreResult } from './scoreSheet';
import { scoreSheet } from './scoreSheet';

export type ScorePreview = {
  criteriaCount: number;
  /** Answered criteria per member, in the members' order. */
  answered: number[];
  complete: boolean;
  /** Running subtotals over what is answered so far (the members' average, truncated to 2 decimals). */
  parts: Record<PartCode, number>;
  total: number;
  /** The engine's result once every member has answered every criterion; null before. */
  result: OcopScoreResult | CouncilScoreResult | null;
  /** Why the engine refused the answers (e.g. an option without points in the source), when it did. */
  error: { code: string; message: string } | null;
};

/**
 * What a score sheet shows while it is being filled in: running subtotals of Phần A, B, C and the total, then the
 * engine's ranking (band, stars capped by minimums, exclusion) as soon as the sheet is complete. One member scores
 * with scoreSheet (the chosen options are named in the reasons); several with scoreCouncil (Điều 3, khoản 3).
 */
export function previewScore(
  version: OcopVersion,
  sheet: OcopSheet,
  members: { name?: string; answers: OcopAnswers }[],
  disqualification: Disqualification | null,
): ScorePreview {
  const n = Math.max(1, members.length);
  const partTenths: Record<PartCode, number> = { A: 0, B: 0, C: 0 };
  const answered = members.map((m) => {
    let count = 0;
    for (const c of sheet.criteria) {
      const v = m.answers[c.code];
      if (v === undefined) continue;
      count += 1;
      if (c.kind === 'yesno') partTenths[c.partCode] += v === true ? c.maxTenths : 0;
      else if (typeof v === 'number') partTenths[c.partCode] += c.options[v - 1]?.tenths ?? 0;
    }
    return count;
  });
  const complete = members.length > 0 && answered.every((a) => a === sheet.criteria.length);
  let result: ScorePreview['result'] = null;
  let error: ScorePreview['error'] = null;
  if (complete) {
    try {
      result =
        members.length === 1
          ? scoreSheet(version, sheet, members[0].answers, disqualification)
          : scoreCouncil(version, sheet, members, disqualification);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      error = { code: e.code, message: e.message };
    }
  }
  const display = (tenths: number) => fractionValue({ tenths, denominator: n });
  return {
    criteriaCount: sheet.criteria.length,
    answered,
    complete,
    parts: { A: display(partTenths.A), B: display(partTenths.B), C: display(partTenths.C) },
    total: display(partTenths.A + partTenths.B + partTenths.C),
    result,
    error,
  };
}
