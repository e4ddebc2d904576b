import { AppError } from '../errors';
import type { OcopAnswers } from './answers';
import { resolveAnswers } from './answers';
import type { OcopSheet, OcopVersion, PartCode } from './catalogModel';
import type { Disqualification } from './disqualification';
import { OcopErrorCode } from './ocopErrors';
import type { RankingResult } from './ranking';
import { applyOnlyWithStory, notAppliedWarning } from './criterionNotes';
import { fractionValue } from './points';
import { rank } from './ranking';

export type CouncilMember = { name?: string; answers: OcopAnswers | unknown };

export type CouncilScoreResult = RankingResult & {
  members: { name: string | null; parts: Record<PartCode, number>; total: number }[];
  /** Average points per criterion, exact (points.ts fractionValue). */
  criteria: { code: string; title: string; part: PartCode; averagePoints: number; max: number }[];
};

/**
 * The council's result. QĐ 26/2026/QĐ-TTg, Điều 3, khoản 3 ranks a product by its "tổng điểm trung bình": the
 * average of the members' totals (each member fills the sheet of Phụ lục II, "kiêm phiếu đánh giá"). The decision
 * says nothing about rounding, so the average is kept exact (a fraction) for the band and returned as exactly as a
 * number holds it; text truncates it to 2 decimals (pointsText), never rounded up into a band it did not reach.
 *
 * The decision does not say how the per-star minimums apply to several members. Here a criterion reaches a marked
 * option when the members' average points in that criterion reach the option's points: the same average the
 * total is ranked on (the average of totals equals the sum of per-criterion averages).
 */
export function scoreCouncil(
  version: OcopVersion,
  sheet: OcopSheet,
  members: CouncilMember[],
  disqualification: Disqualification | null = null,
): CouncilScoreResult {
  if (members.length === 0) {
    throw new AppError(OcopErrorCode.councilEmpty, 'Cần ít nhất một phiếu chấm của thành viên Hội đồng.');
  }
  const notApplied = new Set<string>();
  const resolved = members.map((m, i) => {
    try {
      const applied = applyOnlyWithStory(resolveAnswers(sheet, m.answers));
      for (const code of applied.notApplied) notApplied.add(code);
      return applied.resolved;
    } catch (e) {
      if (e instanceof AppError) {
        const who = m.name ?? `thành viên thứ ${i + 1}`;
        throw new AppError(e.code, `Phiếu của ${who}: ${e.message}`, { member: i + 1, name: m.name ?? null, details: e.details });
      }
      throw e;
    }
  });
  const n = members.length;
  const scores = sheet.criteria.map((criterion, ci) => ({
    criterion,
    score: { tenths: resolved.reduce((sum, r) => sum + r[ci].tenths, 0), denominator: n },
    chosen: null,
  }));
  const result = rank(version, sheet, scores, n, disqualification, [...notApplied].map(notAppliedWarning));
  return {
    ...result,
    members: resolved.map((r, i) => {
      const parts: Record<PartCode, number> = { A: 0, B: 0, C: 0 };
      for (const a of r) parts[a.criterion.partCode] += a.tenths;
      return {
        name: members[i].name ?? null,
        parts: { A: parts.A / 10, B: parts.B / 10, C: parts.C / 10 },
        total: (parts.A + parts.B + parts.C) / 10,
      };
    }),
    criteria: scores.map((s) => ({
      code: s.criterion.code,
      title: s.criterion.title,
      part: s.criterion.partCode,
      averagePoints: fractionValue(s.score),
      max: s.criterion.max,
    })),
  };
}
