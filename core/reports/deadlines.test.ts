import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_RULES, dueDateOf, reportDeadlines } from './deadlines';
import { parseReportPeriod } from './period';

describe('report deadlines', () => {
  it('puts the quarterly report before the 20th of the quarter\'s last month (seed 004) and leaves the others unset', () => {
    expect(DEFAULT_DEADLINE_RULES).toEqual({ quarter: { monthOffset: 0, day: 20 }, half: null, year: null });
    expect(dueDateOf(parseReportPeriod('2026-Q3'), DEFAULT_DEADLINE_RULES.quarter!)).toBe('2026-09-20');
    expect(dueDateOf(parseReportPeriod('2026-H2'), { monthOffset: 1, day: 31 })).toBe('2027-01-31');
    expect(dueDateOf(parseReportPeriod('2026'), { monthOffset: 2, day: 31 })).toBe('2027-02-28');
  });

  it('shows the next report due, the overdue ones, and nothing before the office started', () => {
    const summary = reportDeadlines({ today: '2026-09-25', since: '2026-03-01', rules: DEFAULT_DEADLINE_RULES, finals: new Map([['2026-Q1', 'r1']]) });
    expect(summary.items.map((i) => [i.period, i.dueOn, i.state])).toEqual([
      ['2026-Q1', '2026-03-20', 'done'],
      ['2026-Q2', '2026-06-20', 'overdue'],
      ['2026-Q3', '2026-09-20', 'overdue'],
      ['2026-Q4', '2026-12-20', 'upcoming'],
    ]);
    expect(summary.next).toMatchObject({ period: '2026-Q4', label: 'Quý IV năm 2026', daysLeft: 86 });
    expect(summary.overdue.map((i) => i.period)).toEqual(['2026-Q2', '2026-Q3']);
    const withHalf = reportDeadlines({ today: '2026-09-10', since: '2026-09-01', rules: { ...DEFAULT_DEADLINE_RULES, half: { monthOffset: 0, day: 15 } }, finals: new Map() });
    expect(withHalf.items.map((i) => i.period)).toEqual(['2026-Q3', '2026-H2', '2026-Q4', '2027-H1']);
    expect(withHalf.next?.period).toBe('2026-Q3');
  });
});
