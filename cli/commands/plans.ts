import type { PlanProgress, PlanSummary, PlanTask, RoundSummary } from '../../core/contract/index';
import { PROGRESS_STATUS_LABELS, TASK_STATUS_LABELS } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import type { CliCommand, CliParsed } from '../types';
import { callOrThrow, withApp } from './foundation';

const str = (args: CliParsed, name: string): string | undefined => {
  const v = args.values[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[v.length - 1] : undefined;
};
const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const num = (n: number | null) => (n === null ? '—' : String(n).replace('.', ','));

function yearOf(args: CliParsed): number | undefined {
  const y = str(args, 'year');
  if (y === undefined) return undefined;
  if (!/^\d{4}$/.test(y)) throw new AppError('CLI_BAD_OPTION', `--year phải là năm 4 chữ số, ví dụ 2025 (nhận "${y}").`);
  return Number(y);
}

export const plansListCommand: CliCommand = {
  path: ['plans', 'list'],
  summary: 'Kế hoạch, chỉ tiêu đã nhập (theo văn bản giao)',
  usage: 'plans list [--json]',
  options: {},
  run: (ctx) => withApp(ctx, (app) => callOrThrow<PlanSummary[]>(app, 'plans.list', {})),
  format: (v) => {
    const rows = v as PlanSummary[];
    if (rows.length === 0) return 'Chưa có kế hoạch nào.';
    return rows.map((p) => `${p.periodLabel.padEnd(20)} ${p.title} — ${p.documentNo} ngày ${vnDate(p.documentDate)} (${p.issuer}); ${p.targetCount} chỉ tiêu\n${' '.repeat(21)}id ${p.id}`).join('\n');
  },
};

export const plansProgressCommand: CliCommand = {
  path: ['plans', 'progress'],
  summary: 'Kết quả so với kế hoạch: chỉ tiêu, đạt trong kỳ, lũy kế, tiến độ, xã/sản phẩm còn thiếu',
  usage: 'plans progress [--year 2025] [--as-of YYYY-MM-DD] [--plan ID] [--json]',
  options: {
    year: { type: 'string', description: 'Các kế hoạch có kỳ bao gồm năm này (mặc định năm của ngày tính)' },
    'as-of': { type: 'string', description: 'Tính đến ngày (mặc định hôm nay)' },
    plan: { type: 'string', description: 'Chỉ một kế hoạch (id)' },
  },
  run: (ctx, args) =>
    withApp(ctx, (app) => callOrThrow<PlanProgress[]>(app, 'plans.progress', { year: yearOf(args), asOf: str(args, 'as-of'), planId: str(args, 'plan') })),
  format: (v) => {
    const plans = v as PlanProgress[];
    if (plans.length === 0) return 'Không có kế hoạch nào cho kỳ này.';
    return plans
      .map((p) =>
        [
          `${p.plan.title} (${p.plan.documentNo} ngày ${vnDate(p.plan.documentDate)}), ${p.plan.periodLabel} — tính đến ${vnDate(p.asOf)}`,
          ...p.targets.map((t) => {
            const gap = t.gap.length > 0 ? `\n      còn thiếu: ${t.gap.slice(0, 5).map((g) => g.name).join(', ')}${t.gap.length > 5 ? `, … (${t.gap.length})` : ''}` : '';
            return `  [${PROGRESS_STATUS_LABELS[t.status]}] ${t.target.label}: đạt ${num(t.achieved)} (trong kỳ ${num(t.achievedInPeriod)}, lũy kế ${num(t.cumulative)})\n      ${t.statusText}${gap}`;
          }),
        ].join('\n'),
      )
      .join('\n\n');
  },
};

export const plansTasksCommand: CliCommand = {
  path: ['plans', 'tasks'],
  summary: 'Nhiệm vụ của các ngành theo tiêu chí chưa đạt, quá hạn trước',
  usage: 'plans tasks [--overdue] [--sector TÊN] [--json]',
  options: {
    overdue: { type: 'boolean', description: 'Chỉ nhiệm vụ quá hạn' },
    sector: { type: 'string', description: 'Chỉ một ngành' },
  },
  run: (ctx, args) =>
    withApp(ctx, (app) => callOrThrow<PlanTask[]>(app, 'plans.tasks.list', { overdueOnly: args.values.overdue === true, sector: str(args, 'sector') })),
  format: (v) => {
    const rows = v as PlanTask[];
    if (rows.length === 0) return 'Không có nhiệm vụ nào.';
    return rows.map((t) => `${vnDate(t.dueOn)} ${t.overdue ? 'QUÁ HẠN ' : ''}[${TASK_STATUS_LABELS[t.status]}] ${t.sector}: ${t.title}`).join('\n');
  },
};

export const plansRoundsCommand: CliCommand = {
  path: ['plans', 'rounds'],
  summary: 'Các đợt rà soát, đánh giá lại: phạm vi, đoàn, thời hạn',
  usage: 'plans rounds [--json]',
  options: {},
  run: (ctx) => withApp(ctx, (app) => callOrThrow<RoundSummary[]>(app, 'plans.rounds.list', {})),
  format: (v) => {
    const rows = v as RoundSummary[];
    if (rows.length === 0) return 'Chưa có đợt rà soát nào.';
    return rows
      .map((r) => {
        const late = r.deadlines.filter((d) => d.state === 'overdue').map((d) => `${d.label} (hạn ${vnDate(d.dueOn)})`);
        return `${r.documentNo} ngày ${vnDate(r.documentDate)}: ${r.title} — ${r.communeCount} xã, ${r.productCount} sản phẩm, ${r.teamCount} đoàn; đã rà soát ${r.reviewedCount}, không đảm bảo ${r.notConfirmedCount}${late.length ? `\n  QUÁ HẠN: ${late.join('; ')}` : ''}`;
      })
      .join('\n');
  },
};

export const PLANS_COMMANDS: CliCommand[] = [plansListCommand, plansProgressCommand, plansTasksCommand, plansRoundsCommand];
