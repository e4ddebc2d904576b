import type { ProgressStatus } from '../contract/plans';

/** One row of "Kết quả so với kế hoạch" in a periodic report: a target, what was achieved, where it stands. */
export type PlanReportRow = {
  label: string;
  unit: string;
  target: number;
  /** Đạt trong kỳ kế hoạch (recognitions / certificates in the plan's period up to the as-of date). */
  achievedInPeriod: number | null;
  /** Lũy kế at the as-of date. */
  cumulative: number | null;
  /** The figure compared with the target, in the target's terms. */
  achieved: number | null;
  status: ProgressStatus;
  statusLabel: string;
  statusText: string;
  /** Names of the communes or products that make up the remaining gap (roadmap-registered first). */
  gap: string[];
};

export type PlanReportSection = {
  asOf: string;
  plans: { title: string; document: string; periodLabel: string; rows: PlanReportRow[] }[];
};
