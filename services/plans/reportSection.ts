import { PROGRESS_STATUS_LABELS } from '../../core/contract/plans';
import type { PlanReportSection } from '../../core/plans/index';
import type { ServiceContext } from '../context';
import { officeScope } from '../ntm/communes';
import { vnDate } from './officeCommunes';
import { planProgress } from './progress';

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
    asOf: input.asOf,
    plans: progress
      .map((p) => ({
        title: p.plan.title,
        document: `${p.plan.documentNo} ngày ${vnDate(p.plan.documentDate)} của ${p.plan.issuer}`,
        periodLabel: p.plan.periodLabel,
        rows: p.targets
          .filter((t) => (forOffice ? t.target.officeCode === forOffice : t.target.officeCode === null || t.target.officeCode === scope.officeCode))
          .map((t) => ({
            label: t.target.label,
            unit: t.unit,
            target: t.target.value,
            achievedInPeriod: t.achievedInPeriod,
            cumulative: t.cumulative,
            achieved: t.achieved,
            status: t.status,
            statusLabel: PROGRESS_STATUS_LABELS[t.status],
            statusText: t.statusText,
            gap: t.gap.map((g) => g.name),
          })),
      }))
      .filter((p) => p.rows.length > 0),
  };
}
