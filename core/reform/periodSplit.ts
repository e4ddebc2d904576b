import { REFORM_DATE, type UnitEra } from '../contract/domain';
import { parseReportPeriod, periodEnd, periodStart } from '../reports/period';

/** One side of a report period cut at the reform date, counted on the map of units in force on that side. */
export type ReformSegment = {
  /** First and last day (ISO) of this part of the period. */
  from: string;
  to: string;
  /** 'before-2025-07': count the old communes (three tiers); 'current': count the new ones. */
  era: UnitEra;
  /** The quarters ("2025-Q1") this part covers, oldest first. */
  quarters: string[];
  /** The quarter whose assessments this part reads (its last one, as a whole report reads its last quarter). */
  assessmentQuarter: string;
};

export type ReformSplit = {
  period: string;
  /** One segment when the period lies wholly on one side of 1 July 2025; two when it spans it. */
  segments: ReformSegment[];
  spansReform: boolean;
  /** What the report must say about how it counts ("Kỳ báo cáo … tính theo …"); null when it does not span. */
  note: string | null;
};

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  const endKey = Number(to.slice(0, 4)) * 10 + Math.floor((Number(to.slice(5, 7)) - 1) / 3) + 1;
  while (year * 10 + quarter <= endKey) {
    out.push(`${year}-Q${quarter}`);
    quarter = quarter === 4 ? 1 : quarter + 1;
    if (quarter === 1) year++;
  }
  return out;
}

function segment(from: string, to: string, era: UnitEra): ReformSegment {
  const quarters = quartersBetween(from, to);
  return { from, to, era, quarters, assessmentQuarter: quarters[quarters.length - 1]! };
}

/**
 * Cuts a report period ("2025", "2025-H2", "2025-Q3") at the reform date (REFORM_DATE, NQ 202/2025/QH15): the
 * part before 1 July 2025 is counted over the old communes, the part from that day over the new ones, and a report
 * that spans the date says so. The year 2025 gives two halves: January–June on old units (assessments of 2025-Q2)
 * and July–December on new units (assessments of 2025-Q4); no record is moved from one side to the other.
 * Quarters and halves never straddle the date (it is the first day of Q3 and H2), so only a year can span it.
 */
export function splitPeriodAtReform(periodId: string): ReformSplit {
  const p = parseReportPeriod(periodId);
  const from = periodStart(p);
  const to = periodEnd(p);
  if (to < REFORM_DATE) return { period: periodId, segments: [segment(from, to, 'before-2025-07')], spansReform: false, note: null };
  if (from >= REFORM_DATE) return { period: periodId, segments: [segment(from, to, 'current')], spansReform: false, note: null };
  const before = segment(from, dayBefore(REFORM_DATE), 'before-2025-07');
  const after = segment(REFORM_DATE, to, 'current');
  const note =
    `Kỳ báo cáo trải qua ngày ${vnDate(REFORM_DATE)} (sắp xếp đơn vị hành chính theo Nghị quyết 202/2025/QH15): ` +
    `từ ${vnDate(before.from)} đến ${vnDate(before.to)} tính theo các xã trước sắp xếp (số liệu ${before.assessmentQuarter}), ` +
    `từ ${vnDate(after.from)} đến ${vnDate(after.to)} tính theo các xã mới (số liệu ${after.assessmentQuarter}).`;
  return { period: periodId, segments: [before, after], spansReform: true, note };
}
