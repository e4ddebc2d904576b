import type { ReportFile } from '../../core/contract/reports';
import type { PlanTask, SectorFailingItem } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import type { ServiceContext } from '../context';
import { officeScope } from '../ntm/communes';
import { todayOf } from '../ocop/actor';
import { documentLines, fileSlug, type DocumentLineOverrides } from '../reports/documentLines';
import { catalogCache } from './levelCatalog';
import { vnDate } from './officeCommunes';
import { listPlans } from './plans';
import { reminderDocx, type ReminderContent } from './reminderDocx';
import { failingBySector } from './sectors';
import { listTasks } from './tasks';

export type ReminderInput = { sector: string; today?: string; replyBy?: string; basis?: string[]; document?: DocumentLineOverrides };

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1) : s);

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * What a sector is reminded of at a date: its own tasks (this office's) open past their deadline, and the
 * criteria it is responsible for that the communes' latest self-assessments show not met with no open task; with
 * the documents they rest on: the plans covering the year, the documents that assigned the tasks (or the rounds
 * they came from), the decisions of the criteria sets named.
 */
export async function reminderContent(ctx: ServiceContext, input: ReminderInput): Promise<ReminderContent> {
  const sector = input.sector.normalize('NFC').trim();
  const asOf = input.today ?? input.document?.date ?? todayOf(ctx.now());
  const scope = await officeScope(ctx);
  const tasks: PlanTask[] = (await listTasks(ctx, { sector, overdueOnly: true, today: asOf })).filter((t) => t.officeCode === scope.officeCode);
  const failing: SectorFailingItem[] = ((await failingBySector(ctx, { sector })).sectors.find((s) => s.sector === sector)?.items ?? []).filter((i) => i.openTask === null);
  if (tasks.length === 0 && failing.length === 0) {
    throw new AppError('REMINDER_NOTHING_OVERDUE', `${sector} không có nhiệm vụ quá hạn hay tiêu chí chưa đạt nào cần đôn đốc đến ngày ${vnDate(asOf)}.`, { sector, asOf });
  }

  const basis: string[] = [];
  const add = (line: string) => {
    if (!basis.includes(line)) basis.push(line);
  };
  const year = Number(asOf.slice(0, 4));
  for (const p of await listPlans(ctx)) {
    if (p.officeCode !== scope.officeCode || p.yearFrom > year || p.yearTo < year) continue;
    add(`Kế hoạch số ${p.documentNo} ngày ${vnDate(p.documentDate)} của ${p.issuer} về ${lowerFirst(p.title.replace(/^Kế hoạch\s+/i, ''))}`);
  }
  const roundIds = [...new Set(tasks.filter((t) => !t.document && t.roundId).map((t) => t.roundId!))];
  const rounds = roundIds.length ? await ctx.db.selectFrom('plan_round').select(['id', 'document_no', 'document_date', 'issuer', 'title']).where('id', 'in', roundIds).execute() : [];
  for (const t of tasks) {
    if (t.document) add(`Văn bản số ${t.document.no} ngày ${vnDate(t.document.date)}${t.document.issuer ? ` của ${t.document.issuer}` : ''} giao nhiệm vụ`);
    const r = !t.document && t.roundId ? rounds.find((x) => x.id === t.roundId) : undefined;
    if (r) add(`Văn bản số ${r.document_no} ngày ${vnDate(r.document_date)} của ${r.issuer} về ${lowerFirst(r.title)} và kết quả rà soát của đoàn công tác liên ngành`);
  }
  const catalogs = catalogCache(ctx);
  const catalogIds = [...new Set([...tasks.map((t) => t.catalogId), ...failing.map((f) => f.catalogId)].filter((id): id is string => !!id))];
  for (const id of catalogIds) {
    const loaded = await catalogs.byId(id);
    if (!loaded) continue;
    const lb = loaded.catalog.legalBasis;
    const what = lb.title.replace(/^Quyết định\s+/i, '');
    add(`Quyết định số ${lb.decision} ngày ${vnDate(lb.signedOn)} ${what.startsWith('ban hành') || what.startsWith('quy định') ? what : `về ${lowerFirst(what)}`}`);
  }
  for (const b of input.basis ?? []) add(b.normalize('NFC').trim().replace(/[;.]$/, ''));
  const letterDate = input.document?.date ?? asOf;
  return { sector, asOf, replyBy: input.replyBy ?? addDays(letterDate, 15), basis, tasks, failing };
}

/** The reminder letter (công văn đôn đốc) to one sector as DOCX, NĐ 30/2020 format. */
export async function reminderDocxFile(ctx: ServiceContext, input: ReminderInput): Promise<ReportFile> {
  const content = await reminderContent(ctx, input);
  if (input.replyBy && input.replyBy < (input.document?.date ?? content.asOf)) {
    throw new AppError('REMINDER_REPLY_BEFORE_DATE', 'Hạn báo cáo lại không được trước ngày ban hành công văn.');
  }
  const lines = await documentLines(ctx, input.document, {
    date: content.asOf,
    // A công văn's symbol is the issuing body's abbreviation alone (NĐ 30/2020, Phụ lục VI): "BC-UBND" → "UBND".
    symbol: (s) => s.replace(/^BC-/i, '') || s,
    recipientsFirst: ['Như trên'],
  });
  const buffer = await reminderDocx(content, lines);
  return { fileName: `cong-van-don-doc-${fileSlug(content.sector)}-${lines.heading.date}.docx`, contentBase64: buffer.toString('base64') };
}
