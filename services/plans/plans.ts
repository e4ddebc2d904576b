import type { Selectable } from 'kysely';
import type { PlanDetail, PlanMetric, PlanSummary, PlanTarget, PlanTargetMode, plansSchemas } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import { NTM_LEVEL_LABELS, type NtmLevel } from '../../core/contract/ntm';
import { NTM_LEVEL_METRICS, modesFor, planPeriodLabel, targetLabel } from '../../core/plans/index';
import type { PlanTable, PlanTargetTable } from '../../db/schema';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { officeScope } from '../ntm/communes';
import { audit, currentActor } from '../staff';
import { catalogCache } from './levelCatalog';
import { owners, refuseMerged, type Owners } from './owners';

type PlanRow = Selectable<PlanTable>;
type TargetRow = Selectable<PlanTargetTable>;
export type SavePlanInput = z.output<typeof plansSchemas.save>;

export function targetView(t: TargetRow): PlanTarget {
  const metric = t.metric as PlanMetric;
  return {
    id: t.id,
    metric,
    mode: t.mode,
    value: t.target_value,
    officeCode: t.target_office_code,
    achievedManual: t.achieved_manual,
    note: t.note,
    label: targetLabel(metric, t.mode, t.target_value),
  };
}

function summaryView(p: PlanRow, targetCount: number, who: Owners): PlanSummary {
  return {
    ...who.of(p.office_code),
    id: p.id,
    title: p.title,
    documentNo: p.document_no,
    documentDate: p.document_date,
    issuer: p.issuer,
    yearFrom: p.year_from,
    yearTo: p.year_to,
    periodLabel: planPeriodLabel(p.year_from, p.year_to),
    targetCount,
    updatedAt: p.updated_at,
  };
}

/** The office's plans; in province mode also those merged from other offices' bundles (read-only), own first. */
export async function listPlans(ctx: ServiceContext): Promise<PlanSummary[]> {
  const scope = await officeScope(ctx);
  const who = await owners(ctx, scope);
  let q = ctx.db.selectFrom('plan').selectAll().where('deleted', '=', 0);
  if (!who.all) q = q.where('office_code', '=', scope.officeCode);
  const plans = await q
    .orderBy((eb) => eb.case().when('office_code', '=', scope.officeCode).then(0).else(1).end())
    .orderBy('office_code')
    .orderBy('year_to', 'desc')
    .orderBy('year_from', 'desc')
    .orderBy('document_date', 'desc')
    .execute();
  const counts = await ctx.db
    .selectFrom('plan_target')
    .select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted', '=', 0)
    .groupBy('plan_id')
    .execute();
  const byPlan = new Map(counts.map((c) => [c.plan_id, Number(c.n)]));
  return plans.map((p) => summaryView(p, byPlan.get(p.id) ?? 0, who));
}

export async function getPlan(ctx: ServiceContext, id: string): Promise<PlanDetail> {
  const scope = await officeScope(ctx);
  const who = await owners(ctx, scope);
  let q = ctx.db.selectFrom('plan').selectAll().where('id', '=', id).where('deleted', '=', 0);
  if (!who.all) q = q.where('office_code', '=', scope.officeCode);
  const p = await q.executeTakeFirst();
  if (!p) throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.', { id });
  const targets = await ctx.db.selectFrom('plan_target').selectAll().where('plan_id', '=', id).where('deleted', '=', 0).orderBy('sort_order').execute();
  return { ...summaryView(p, targets.length, who), note: p.note, targets: targets.map(targetView) };
}

const targetNo = (problem: string) => Number(/^Chỉ tiêu (\d+)/.exec(problem)?.[1] ?? 0);

/** The plan's period, then every problem of its targets; the level check's problems are added by the caller. */
function checkPlan(input: SavePlanInput): string[] {
  if (input.yearTo < input.yearFrom) {
    throw new AppError('PLAN_PERIOD_INVALID', 'Năm kết thúc không được trước năm bắt đầu.', { yearFrom: input.yearFrom, yearTo: input.yearTo });
  }
  if (input.yearTo - input.yearFrom > 9) throw new AppError('PLAN_PERIOD_INVALID', 'Một kế hoạch kéo dài tối đa 10 năm.');
  const problems: string[] = [];
  input.targets.forEach((t, i) => {
    const allowed: PlanTargetMode[] = modesFor(t.metric);
    if (!allowed.includes(t.mode)) problems.push(`Chỉ tiêu ${i + 1}: cách tính "${t.mode}" không dùng được cho "${t.metric}" (dùng: ${allowed.join(', ')}).`);
    if (t.mode === 'percent' && t.value > 100) problems.push(`Chỉ tiêu ${i + 1}: tỷ lệ không quá 100%.`);
    if ((t.achievedManual ?? null) !== null && t.metric !== 'thon_ntm') {
      problems.push(`Chỉ tiêu ${i + 1}: kết quả chỉ nhập tay cho thôn, bản; các chỉ tiêu khác được tính từ số liệu.`);
    }
  });
  return problems;
}

/**
 * A target for a level (xã NTM nâng cao, kiểu mẫu, hiện đại) needs a catalog of that level in force in some year of
 * the plan's period: without one nothing can be measured, and the level may not exist then at all.
 */
async function checkLevels(ctx: ServiceContext, input: SavePlanInput): Promise<string[]> {
  const catalogs = catalogCache(ctx);
  const problems: string[] = [];
  for (const [i, t] of input.targets.entries()) {
    if (!(NTM_LEVEL_METRICS as readonly string[]).includes(t.metric)) continue;
    let found = false;
    for (let y = input.yearFrom; y <= input.yearTo && !found; y++) found = (await catalogs.forLevel(t.metric as NtmLevel, y)) !== null;
    if (!found) {
      problems.push(
        `Chỉ tiêu ${i + 1}: ứng dụng chưa có bộ tiêu chí ${NTM_LEVEL_LABELS[t.metric as NtmLevel]} áp dụng cho ${planPeriodLabel(input.yearFrom, input.yearTo).toLocaleLowerCase('vi-VN')}; hãy nhập bộ tiêu chí đó trước khi đặt chỉ tiêu.`,
      );
    }
  }
  return problems;
}

/** Creates or updates a plan; the given targets replace its targets (old ones become tombstones). One transaction. */
export async function savePlan(ctx: ServiceContext, input: SavePlanInput): Promise<PlanDetail> {
  // Every target problem at once (a plan file is fixed in one go), in target order.
  const problems = [...checkPlan(input), ...(await checkLevels(ctx, input))].sort((a, b) => targetNo(a) - targetNo(b));
  if (problems.length > 0) throw new AppError('PLAN_TARGET_INVALID', problems.join(' '), { problems });
  const scope = await officeScope(ctx);
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const before = input.id ? await getPlan(ctx, input.id) : null;
  if (before) refuseMerged(scope, before.officeCode, 'Kế hoạch');
  const id = input.id ?? ctx.newId();
  const fields = {
    title: input.title,
    document_no: input.documentNo,
    document_date: input.documentDate,
    issuer: input.issuer,
    year_from: input.yearFrom,
    year_to: input.yearTo,
    note: input.note ?? null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (before) {
      await trx.updateTable('plan').set((eb) => ({ ...fields, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', id).execute();
      await trx
        .updateTable('plan_target')
        .set((eb) => ({ deleted: 1, updated_at: at, version: eb('version', '+', 1) }))
        .where('plan_id', '=', id)
        .where('deleted', '=', 0)
        .execute();
    } else {
      await trx.insertInto('plan').values({ id, office_code: scope.officeCode, ...fields, created_by: actor.name, updated_at: at }).execute();
    }
    for (const [i, t] of input.targets.entries()) {
      await trx
        .insertInto('plan_target')
        .values({
          id: ctx.newId(),
          office_code: scope.officeCode,
          plan_id: id,
          sort_order: i,
          metric: t.metric,
          mode: t.mode,
          target_value: t.value,
          target_office_code: t.officeCode?.trim() || null,
          achieved_manual: t.achievedManual ?? null,
          note: t.note ?? null,
          updated_at: at,
        })
        .execute();
    }
    await audit(trx, ctx, actor, { entity: 'plan', entityId: id, action: before ? 'update' : 'create', before, after: input });
  });
  return getPlan(ctx, id);
}

export async function deletePlan(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  const before = await getPlan(ctx, id);
  refuseMerged(await officeScope(ctx), before.officeCode, 'Kế hoạch');
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('plan').set((eb) => ({ deleted: 1, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', id).execute();
    await trx
      .updateTable('plan_target')
      .set((eb) => ({ deleted: 1, updated_at: at, version: eb('version', '+', 1) }))
      .where('plan_id', '=', id)
      .where('deleted', '=', 0)
      .execute();
    await audit(trx, ctx, actor, { entity: 'plan', entityId: id, action: 'delete', before, after: null });
  });
  return { deleted: true };
}
