import { PROGRESS_STATUS_LABELS, type PlanTargetProgress } from '../../core/contract/plans';
import type { PlanReportRow, PlanReportSection } from '../../core/plans/index';
import type { ServiceContext } from '../context';
import { officeScope } from '../ntm/communes';
import { vnDate } from './officeCommunes';
import { planProgress } from './progress';

/** Còn thiếu in the row's terms: communes still below the level for "không còn xã dưới N tiêu chí", else target − achieved. */
function remainingOf(t: PlanTargetProgress): { remaining: number | null; remainingUnit: string } {
  if (t.target.metric === 'min_criteria') {
    return { remaining: t.achieved === null ? null : t.gap.filter((g) => g.metCount !== null && g.metCount < t.target.value).length, remainingUnit: 'xã' };
  }
  return { remaining: t.remaining, remainingUnit: t.unit };
}

function rowOf(t: PlanTargetProgress, yearFrom: number, yearTo: number): PlanReportRow {
  return {
    metric: t.target.metric,
    mode: t.target.mode,
    label: t.target.label,
    unit: t.unit,
    target: t.target.value,
    achievedInPeriod: t.achievedInPeriod,
    cumulative: t.cumulative,
    achieved: t.achieved,
    status: t.status,
    statusLabel: PROGRESS_STATUS_LABELS[t.status],
    statusText: t.statusText,
    ...remainingOf(t),
    gapKind: t.gap[0]?.kind ?? null,
    gap: t.gap.map((g) => ({
      name: g.name,
      roadmapYear: g.roadmapYear,
      planned: g.roadmapYear !== null && g.roadmapYear >= yearFrom && g.roadmapYear <= yearTo,
      metCount: g.metCount,
      criteriaCount: g.criteriaCount,
    })),
  };
}

/**
 * The "kết quả so với kế hoạch" section of a periodic report: every plan of the office covering the report's
 * year, measured on the report's as-of date (its last day, or today if earlier). For a province report about
 * one office, only that office's targets; for the office's own report, the targets without an office and its own.
 */
export async function planResultsForReport(ctx: ServiceContext, input: { year: number; asOf: string; officeCode?: string }): Promise<PlanReportSection> {
  const scope = await officeScope(ctx);
  const forOffice = input.officeCode && input.officeCode !== scope.officeCode ? input.officeCode : null;
  const progress = await planProgress(ctx, { year: input.year, asOf: input.asOf });
  return {
    year: input.year,
    asOf: input.asOf,
    plans: progress
      .map((p) => ({
        title: p.plan.title,
        document: `${p.plan.documentNo} ngày ${vnDate(p.plan.documentDate)} của ${p.plan.issuer}`,
        periodLabel: p.plan.periodLabel,
        rows: p.targets
          .filter((t) => (forOffice ? t.target.officeCode === forOffice : t.target.officeCode === null || t.target.officeCode === scope.officeCode))
          .map((t) => rowOf(t, p.plan.yearFrom, p.plan.yearTo)),
      }))
      .filter((p) => p.rows.length > 0),
  };
}
