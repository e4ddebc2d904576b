import type { OcopAnswers } from './answers';
import { resolveAnswers } from './answers';
import type { OcopSheet, OcopVersion } from './catalogModel';
import type { Disqualification } from './disqualification';
import type { RankingResult } from './ranking';
import { applyOnlyWithStory, notAppliedWarning } from './criterionNotes';
import { rank } from './ranking';

export type ScoredCriterion = {
  code: string;
  title: string;
  part: 'A' | 'B' | 'C';
  choice: number | boolean;
  label: string | null;
  points: number;
  max: number;
};

export type OcopScoreResult = RankingResult & { criteria: ScoredCriterion[] };

/**
 * Scores one evaluation sheet (one member's "phiếu đánh giá", QĐ 26/2026/QĐ-TTg Phụ lục II, "Kiêm phiếu đánh
 * giá sản phẩm OCOP"): subtotals of Phần A, B, C (Điều 3, khoản 1), total out of 100, band (Điều 3, khoản 3),
 * stars capped by the per-star minimums, and exclusion, which overrides everything.
 */
export function scoreSheet(
  version: OcopVersion,
  sheet: OcopSheet,
  answers: OcopAnswers | unknown,
  disqualification: Disqualification | null = null,
): OcopScoreResult {
  const { resolved, notApplied } = applyOnlyWithStory(resolveAnswers(sheet, answers));
  const scores = resolved.map((r) => ({ criterion: r.criterion, score: { tenths: r.tenths, denominator: 1 }, chosen: r.option }));
  const result = rank(version, sheet, scores, 1, disqualification, notApplied.map(notAppliedWarning));
  return {
    ...result,
    criteria: resolved.map((r) => ({
      code: r.criterion.code,
      title: r.criterion.title,
      part: r.criterion.partCode,
      choice: r.choice,
      label: r.option?.label ?? null,
      points: r.tenths / 10,
      max: r.criterion.max,
    })),
  };
}
