import {
  daysInMonth,
  nextReportPeriod,
  parseReportPeriod,
  periodMonths,
  reportPeriodLabel,
  reportPeriodOfDate,
  type ReportPeriod,
  type ReportPeriodKind,
} from './period';

/**
 * When a report is due, relative to the last month of its period: `monthOffset` 0 is that month, 1 the month
 * after; `day` is the day of that month (clamped to the month's length).
 */
export type DeadlineRule = { readonly monthOffset: number; readonly day: number };
export type DeadlineRules = Readonly<Record<ReportPeriodKind, DeadlineRule | null>>;

/**
 * The one deadline a seed directive states: the quarterly NTM report goes in "trước ngày 20 của tháng cuối quý"
 * (Công văn of UBND huyện Tam Đường, 2021, on tăng cường chỉ đạo thực hiện Chương trình MTQG xây dựng NTM và
 * Chương trình OCOP; shared/seeds/004_dbe1a5c068e8f611.txt). No seed names a six-monthly or annual deadline, so
 * those stay unset until the office enters its own province's rule.
 */
export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  quarter: { monthOffset: 0, day: 20 },
  half: null,
  year: null,
};

export const DEADLINE_SOURCES: Readonly<Record<ReportPeriodKind, string>> = {
  quarter: 'Báo cáo trước ngày 20 của tháng cuối quý (Công văn UBND huyện Tam Đường năm 2021 về tăng cường chỉ đạo thực hiện Chương trình MTQG xây dựng NTM và Chương trình OCOP).',
  half: 'Chưa có văn bản quy định trong dữ liệu mẫu: văn phòng tự đặt theo văn bản của tỉnh.',
  year: 'Chưa có văn bản quy định trong dữ liệu mẫu: văn phòng tự đặt theo văn bản của tỉnh.',
};

export function dueDateOf(period: ReportPeriod, rule: DeadlineRule): string {
  const month0 = periodMonths(period).last - 1 + rule.monthOffset;
  const year = period.year + Math.floor(month0 / 12);
  const month = (month0 % 12) + 1;
  const day = Math.min(rule.day, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type DeadlineState = 'done' | 'overdue' | 'upcoming';

export type DeadlineItem = {
  readonly kind: ReportPeriodKind;
  readonly period: string;
  readonly label: string;
  readonly dueOn: string;
  readonly state: DeadlineState;
  /** The final report saved for the period, when there is one. */
  readonly reportId: string | null;
  readonly daysLeft: number;
};

export type DeadlineSummary = {
  readonly next: DeadlineItem | null;
  readonly overdue: readonly DeadlineItem[];
  readonly items: readonly DeadlineItem[];
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Report deadlines from the period holding `since` (the day the office started using the application; nothing
 * before it is claimed overdue) to the period after today's, per kind with a rule. A period is done when a final
 * report is saved for it.
 */
export function reportDeadlines(input: {
  today: string;
  since: string;
  rules: DeadlineRules;
  finals: ReadonlyMap<string, string>;
}): DeadlineSummary {
  const items: DeadlineItem[] = [];
  for (const kind of ['quarter', 'half', 'year'] as const) {
    const rule = input.rules[kind];
    if (!rule) continue;
    const last = nextReportPeriod(reportPeriodOfDate(kind, input.today));
    for (let p = reportPeriodOfDate(kind, input.since); p.id !== nextReportPeriod(last).id; p = nextReportPeriod(p)) {
      const dueOn = dueDateOf(p, rule);
      if (dueOn < input.since) continue;
      const reportId = input.finals.get(p.id) ?? null;
      const state: DeadlineState = reportId ? 'done' : dueOn < input.today ? 'overdue' : 'upcoming';
      items.push({ kind, period: p.id, label: reportPeriodLabel(parseReportPeriod(p.id)), dueOn, state, reportId, daysLeft: daysBetween(input.today, dueOn) });
    }
  }
  items.sort((a, b) => (a.dueOn === b.dueOn ? a.period.localeCompare(b.period) : a.dueOn.localeCompare(b.dueOn)));
  return {
    next: items.find((i) => i.state === 'upcoming') ?? null,
    overdue: items.filter((i) => i.state === 'overdue'),
    items,
  };
}
