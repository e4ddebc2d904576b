import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import type { PlanDetail, PlanProgress, PlanSummary, PlanTask, RoundSummary } from '../../core/contract/index';
import { PROGRESS_STATUS_LABELS, TASK_STATUS_LABELS } from '../../core/contract/index';
import { plansSchemas } from '../../core/contract/plans';
import type { ReportFile } from '../../core/contract/reports';
import { AppError } from '../../core/errors';
import { writeFileAtomic } from '../../services/attachments';
import type { CliCommand, CliContext, CliParsed } from '../types';
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
    return rows.map((t) => `${vnDate(t.dueOn)} ${t.overdue ? 'QUÁ HẠN ' : ''}[${TASK_STATUS_LABELS[t.status]}] ${t.assignee}: ${t.title}`).join('\n');
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

/** The plan file of `plan export` / `plan import`: one plan with its targets, in the contract's plans.save shape. */
export const PLAN_FILE_FORMAT = 'ntm-desk.plan';
const PLAN_FILE_VERSION = 1;
type PlanFileBody = z.input<typeof plansSchemas.save>;

/** "targets[1].metric" from a zod issue's path. */
const pathText = (path: readonly PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');

/**
 * Reads a plan file: the envelope `plan export` writes, or the bare plan object. Every problem is listed (not only
 * the first), with where it is; nothing is saved when there is one.
 */
export function readPlanFile(path: string, content: string): z.output<typeof plansSchemas.save> {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AppError('PLAN_FILE_INVALID', `Tệp "${path}" không phải JSON hợp lệ: ${(e as Error).message}`, { path });
  }
  const envelope = data && typeof data === 'object' && 'plan' in data ? (data as { format?: unknown; formatVersion?: unknown; plan: unknown }) : null;
  const problems: string[] = [];
  if (envelope) {
    if (envelope.format !== undefined && envelope.format !== PLAN_FILE_FORMAT) problems.push(`format: phải là "${PLAN_FILE_FORMAT}" (nhận ${JSON.stringify(envelope.format)}).`);
    if (typeof envelope.formatVersion === 'number' && envelope.formatVersion > PLAN_FILE_VERSION) {
      problems.push(`formatVersion: tệp của phiên bản ứng dụng mới hơn (${envelope.formatVersion} > ${PLAN_FILE_VERSION}); hãy cập nhật ứng dụng.`);
    }
  }
  const parsed = plansSchemas.save.safeParse(envelope ? envelope.plan : data);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${envelope ? 'plan.' : ''}${pathText(issue.path) || '(gốc)'}: ${issue.message}`);
  if (problems.length > 0 || !parsed.success) {
    throw new AppError('PLAN_FILE_INVALID', `Tệp kế hoạch "${path}" có ${problems.length} lỗi, chưa nhập gì:\n${problems.map((p) => `  - ${p}`).join('\n')}`, { path, problems });
  }
  return parsed.data;
}

function readFileOrThrow(ctx: CliContext, file: string | undefined, usage: string): { path: string; content: string } {
  if (!file) throw new AppError('CLI_BAD_ARGUMENTS', `Thiếu tên tệp. Cách dùng: ${usage}`);
  const path = resolve(ctx.cwd, file);
  try {
    return { path, content: readFileSync(path, 'utf8') };
  } catch {
    throw new AppError('FILE_UNREADABLE', `Không đọc được tệp "${path}".`, { path });
  }
}

const PLAN_IMPORT_USAGE = 'plan import FILE [--json]';

export const planImportCommand: CliCommand = {
  path: ['plan', 'import'],
  summary: 'Nhập một kế hoạch và các chỉ tiêu từ tệp JSON (kiểm tra trước, tệp có lỗi thì không thay đổi gì)',
  usage: PLAN_IMPORT_USAGE,
  options: {},
  run: async (ctx, { positionals }) => {
    const { path, content } = readFileOrThrow(ctx, positionals[0], PLAN_IMPORT_USAGE);
    const input = readPlanFile(path, content);
    return withApp(ctx, async (app) => {
      // A plan of this office with the file's id is updated (its targets replaced); otherwise the plan is created.
      const existing = input.id ? await app.dispatch('plans.get', { id: input.id }) : null;
      const updating = existing !== null && existing.ok && !(existing.value as PlanDetail).readOnly;
      const { id: _id, ...rest } = input;
      const saved = await callOrThrow<PlanDetail>(app, 'plans.save', updating ? input : rest);
      return { action: updating ? 'updated' : 'created', plan: saved };
    });
  },
  format: (v) => {
    const { action, plan } = v as { action: 'created' | 'updated'; plan: PlanDetail };
    return `${action === 'updated' ? 'Đã cập nhật' : 'Đã tạo'} kế hoạch "${plan.title}" (${plan.documentNo}, ${plan.periodLabel}) với ${plan.targets.length} chỉ tiêu.\nid ${plan.id}`;
  },
};

const PLAN_EXPORT_USAGE = 'plan export --out FILE [--plan ID] [--json]';

export const planExportCommand: CliCommand = {
  path: ['plan', 'export'],
  summary: 'Xuất một kế hoạch và các chỉ tiêu ra tệp JSON (nhập lại bằng plan import)',
  usage: PLAN_EXPORT_USAGE,
  options: {
    out: { type: 'string', description: 'Tệp JSON ghi ra' },
    plan: { type: 'string', description: 'Mã kế hoạch (bắt buộc khi có nhiều kế hoạch; xem plans list)' },
  },
  run: async (ctx, args) => {
    const out = str(args, 'out');
    if (!out) throw new AppError('CLI_BAD_ARGUMENTS', `Thiếu --out. Cách dùng: ${PLAN_EXPORT_USAGE}`);
    return withApp(ctx, async (app) => {
      let id = str(args, 'plan');
      if (!id) {
        const plans = (await callOrThrow<PlanSummary[]>(app, 'plans.list', {})).filter((p) => !p.readOnly);
        if (plans.length === 0) throw new AppError('PLAN_NOT_FOUND', 'Chưa có kế hoạch nào để xuất.');
        if (plans.length > 1) {
          throw new AppError('CLI_PLAN_AMBIGUOUS', `Có ${plans.length} kế hoạch; chọn một bằng --plan ID:\n${plans.map((p) => `  ${p.id}  ${p.periodLabel}: ${p.title} (${p.documentNo})`).join('\n')}`);
        }
        id = plans[0]!.id;
      }
      const plan = await callOrThrow<PlanDetail>(app, 'plans.get', { id });
      const body: PlanFileBody = {
        id: plan.id,
        title: plan.title,
        documentNo: plan.documentNo,
        documentDate: plan.documentDate,
        issuer: plan.issuer,
        yearFrom: plan.yearFrom,
        yearTo: plan.yearTo,
        note: plan.note,
        targets: plan.targets.map((t) => ({ metric: t.metric, mode: t.mode, value: t.value, officeCode: t.officeCode, achievedManual: t.achievedManual, note: t.note })),
      };
      // What is written must read back: the same schema as plan import.
      readPlanFile(out, JSON.stringify({ format: PLAN_FILE_FORMAT, formatVersion: PLAN_FILE_VERSION, plan: body }));
      const path = resolve(ctx.cwd, out);
      writeFileAtomic(path, Buffer.from(`${JSON.stringify({ format: PLAN_FILE_FORMAT, formatVersion: PLAN_FILE_VERSION, plan: body }, null, 2)}\n`, 'utf8'));
      return { file: path, id: plan.id, title: plan.title, targets: plan.targets.length };
    });
  },
  format: (v) => {
    const r = v as { file: string; title: string; targets: number };
    return `Đã ghi kế hoạch "${r.title}" (${r.targets} chỉ tiêu) vào ${r.file}`;
  },
};

const ROUND_REPORT_USAGE = 'round report --round ID --out DIR [--number SỐ] [--json]';

/** Writes the round's report (DOCX, NĐ 30/2020) and its annex of discrepancies (XLSX) to a folder. */
export const roundReportCommand: CliCommand = {
  path: ['round', 'report'],
  summary: 'Xuất báo cáo kết quả rà soát, đánh giá lại (DOCX theo Nghị định 30/2020) và phụ lục các khác biệt (XLSX) ra một thư mục',
  usage: ROUND_REPORT_USAGE,
  options: {
    round: { type: 'string', description: 'Mã đợt rà soát (xem plans rounds --json)' },
    out: { type: 'string', description: 'Thư mục ghi tệp (tạo nếu chưa có)' },
    number: { type: 'string', description: 'Số văn bản (để trống để văn thư điền)' },
  },
  run: async (ctx, args) => {
    const id = str(args, 'round');
    const out = str(args, 'out');
    if (!id || !out) throw new AppError('CLI_BAD_ARGUMENTS', `Thiếu --round hoặc --out. Cách dùng: ${ROUND_REPORT_USAGE}`);
    const number = str(args, 'number');
    const input = { id, ...(number ? { document: { documentNo: number } } : {}) };
    return withApp(ctx, async (app) => {
      const files: string[] = [];
      for (const method of ['plans.rounds.reportDocx', 'plans.rounds.reportXlsx'] as const) {
        const file = await callOrThrow<ReportFile>(app, method, input);
        const path = join(resolve(ctx.cwd, out), file.fileName);
        writeFileAtomic(path, Buffer.from(file.contentBase64, 'base64'));
        files.push(path);
      }
      return { files };
    });
  },
  format: (v) => `Đã ghi:\n${(v as { files: string[] }).files.map((f) => `  ${f}`).join('\n')}`,
};

const REMINDER_USAGE = 'task reminder --sector TÊN --out DIR [--date YYYY-MM-DD] [--reply-by YYYY-MM-DD] [--number SỐ] [--json]';

/** Writes the reminder letter (công văn đôn đốc) to one sector. */
export const taskReminderCommand: CliCommand = {
  path: ['task', 'reminder'],
  summary: 'Xuất công văn đôn đốc một ngành (DOCX theo Nghị định 30/2020): nhiệm vụ quá hạn và tiêu chí chưa đạt ngành phụ trách',
  usage: REMINDER_USAGE,
  options: {
    sector: { type: 'string', description: 'Tên ngành như trong danh sách nhiệm vụ' },
    out: { type: 'string', description: 'Thư mục ghi tệp (tạo nếu chưa có)' },
    date: { type: 'string', description: 'Ngày công văn, cũng là ngày tính quá hạn (mặc định hôm nay)' },
    'reply-by': { type: 'string', description: 'Hạn ngành báo cáo lại (mặc định sau 15 ngày)' },
    number: { type: 'string', description: 'Số văn bản (để trống để văn thư điền)' },
  },
  run: async (ctx, args) => {
    const sector = str(args, 'sector');
    const out = str(args, 'out');
    if (!sector || !out) throw new AppError('CLI_BAD_ARGUMENTS', `Thiếu --sector hoặc --out. Cách dùng: ${REMINDER_USAGE}`);
    const date = str(args, 'date');
    const number = str(args, 'number');
    const input = { sector, ...(date ? { today: date } : {}), ...(str(args, 'reply-by') ? { replyBy: str(args, 'reply-by') } : {}), document: { ...(date ? { date } : {}), ...(number ? { documentNo: number } : {}) } };
    return withApp(ctx, async (app) => {
      const file = await callOrThrow<ReportFile>(app, 'plans.tasks.reminderDocx', input);
      const path = join(resolve(ctx.cwd, out), file.fileName);
      writeFileAtomic(path, Buffer.from(file.contentBase64, 'base64'));
      return { files: [path] };
    });
  },
  format: (v) => `Đã ghi:\n${(v as { files: string[] }).files.map((f) => `  ${f}`).join('\n')}`,
};

/** The names issue 9 gives the commands (`plan progress`, `task list --overdue`, `round list`) beside the `plans …` ones. */
const alias = (c: CliCommand, path: string[]): CliCommand => ({ ...c, path, usage: c.usage.replace(c.path.join(' '), path.join(' ')), summary: `${c.summary} (= ${c.path.join(' ')})` });

export const PLANS_COMMANDS: CliCommand[] = [
  plansListCommand,
  plansProgressCommand,
  plansTasksCommand,
  plansRoundsCommand,
  alias(plansListCommand, ['plan', 'list']),
  alias(plansProgressCommand, ['plan', 'progress']),
  planImportCommand,
  planExportCommand,
  alias(plansRoundsCommand, ['round', 'list']),
  roundReportCommand,
  alias(plansTasksCommand, ['task', 'list']),
  taskReminderCommand,
];
