import type { OcopSheet, OcopVersion, PartCode } from './catalogModel';
import type { Disqualification } from './disqualification';
import type { CriterionScore, UnmetMinimum } from './minimums';
import { capByMinimums, unmetMinimums } from './minimums';
import type { Fraction } from './points';
import { stopsFromScores } from './criterionNotes';
import { fractionValue } from './points';
import { bandFor, nextBandMin } from './starBands';

export type Recognition = {
  /** QĐ 26/2026/QĐ-TTg, Điều 4, khoản 1: 3–4 sao do UBND cấp tỉnh, 5 sao do Bộ NN&MT công nhận; 1–2 sao không. */
  certificate: boolean;
  authority: string | null;
};

export type RankingResult = {
  catalog: string;
  sheet: number;
  sheetName: string;
  parts: Record<PartCode, number>;
  total: number;
  maxTotal: number;
  band: number;
  stars: number;
  disqualified: boolean;
  disqualification: Disqualification | null;
  heldBackBy: UnmetMinimum[];
  nextStar: { stars: number; pointsNeeded: number; minimumsUnmet: UnmetMinimum[] } | null;
  recognition: Recognition;
  warnings: string[];
};

/** Shared by one evaluator's sheet and the council's average: parts, total, band, minimums, exclusion. */
export function rank(
  version: OcopVersion,
  sheet: OcopSheet,
  scores: CriterionScore[],
  denominator: number,
  declared: Disqualification | null,
  extraWarnings: readonly string[] = [],
): RankingResult {
  const disqualification = withStops(sheet, scores, declared);
  const partTenths: Record<PartCode, number> = { A: 0, B: 0, C: 0 };
  for (const s of scores) partTenths[s.criterion.partCode] += s.score.tenths;
  const totalTenths = partTenths.A + partTenths.B + partTenths.C;
  const total: Fraction = { tenths: totalTenths, denominator };
  const band = bandFor(version.starBands, total);
  const unmet = version.minimumsKnown ? unmetMinimums(scores) : [];
  const capped = capByMinimums(band, unmet);
  const disqualified = disqualification !== null;
  // An excluded dossier is not ranked at all ("Hồ sơ bị loại", Phụ lục II): stars 0, nothing holds it back.
  const stars = disqualified ? 0 : capped.stars;

  const warnings: string[] = [...extraWarnings];
  if (!sheet.verified) {
    warnings.push(`Bộ tiêu chí số ${sheet.no} (${version.id}) chưa khớp đủ với văn bản nguồn; kết quả chỉ để tham khảo.`);
  }
  if (!version.minimumsKnown) {
    warnings.push(`Chưa có dữ liệu yêu cầu tối thiểu theo cấp sao của ${version.id}; số sao chỉ tính theo tổng điểm.`);
  }
  if (version.status !== 'current') {
    warnings.push(`${version.id} đã hết hiệu lực (QĐ 26/2026/QĐ-TTg, Điều 11, 12); chỉ dùng cho hồ sơ chuyển tiếp hoặc tra cứu.`);
  }

  let nextStar: RankingResult['nextStar'] = null;
  if (!disqualified && stars < 5) {
    const target = stars + 1;
    // Points still missing to the next band; 0 when only minimums hold the product below a band it already has.
    const min = nextBandMin(version.starBands, stars);
    const neededTenths = min === null ? 0 : Math.max(0, min * 10 * denominator - totalTenths);
    nextStar = {
      stars: target,
      pointsNeeded: Math.ceil((neededTenths * 10) / denominator) / 100,
      minimumsUnmet: unmet.filter((m) => m.stars <= target),
    };
  }

  return {
    catalog: version.id,
    sheet: sheet.no,
    sheetName: sheet.name,
    parts: {
      A: fractionValue({ tenths: partTenths.A, denominator }),
      B: fractionValue({ tenths: partTenths.B, denominator }),
      C: fractionValue({ tenths: partTenths.C, denominator }),
    },
    total: fractionValue(total),
    maxTotal: sheet.maxTenths / 10,
    band,
    stars,
    disqualified,
    disqualification,
    heldBackBy: disqualified ? [] : capped.heldBackBy,
    nextStar,
    recognition: recognitionFor(stars),
    warnings,
  };
}

/** The Council's declared exclusions with the stops the scores themselves call for (criterionNotes.ts). */
function withStops(sheet: OcopSheet, scores: CriterionScore[], declared: Disqualification | null): Disqualification | null {
  const tenths = new Map(scores.map((s) => [s.criterion.code, s.score.tenths]));
  const stops = stopsFromScores(sheet, (c) => tenths.get(c.code) ?? 0).filter((s) => !declared?.reasons.some((r) => r.criterion === s.criterion));
  if (stops.length === 0) return declared;
  return { reasons: [...(declared?.reasons ?? []), ...stops.map((s) => ({ code: 'evaluation_stopped' as const, text: s.text, criterion: s.criterion }))] };
}

function recognitionFor(stars: number): Recognition {
  if (stars === 5) return { certificate: true, authority: 'Bộ trưởng Bộ Nông nghiệp và Môi trường' };
  if (stars === 3 || stars === 4) return { certificate: true, authority: 'Chủ tịch UBND cấp tỉnh' };
  return { certificate: false, authority: null };
}
