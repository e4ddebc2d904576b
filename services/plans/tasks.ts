import type { NtmLevel } from '../../core/contract/ntm';
import { NTM_LEVEL_LABELS } from '../../core/contract/ntm';
import type { PlanTask, TaskStatus } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import { daysBetween } from '../../core/plans/index';
import type { ServiceContext } from '../context';
import { communeByCode, communeRows, officeScope } from '../ntm/communes';
import { todayOf } from '../ocop/actor';
import { audit, currentActor } from '../staff';
import { teamNotMet } from './findings';
import { catalogCache } from './levelCatalog';
import { vnDate } from './officeCommunes';
import { listRoadmaps } from './roadmap';

const UNKNOWN_SECTOR = 'Chưa xác định ngành phụ trách';
const OPEN: TaskStatus[] = ['open', 'in_progress'];

type TaskQuery = { status?: TaskStatus; sector?: string; unitCode?: string; overdueOnly?: boolean; today?: string; id?: string };

export async function listTasks(ctx: ServiceContext, input: TaskQuery): Promise<PlanTask[]> {
  const scope = await officeScope(ctx);
  const today = input.today ?? todayOf(ctx.now());
  let q = ctx.db
    .selectFrom('plan_task as t')
    .innerJoin('ntm_commune as c', 'c.id', 't.commune_id')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .selectAll('t')
    .select(['u.code', 'u.full_name'])
    .where('t.office_code', '=', scope.officeCode)
    .where('t.deleted', '=', 0);
  if (input.id) q = q.where('t.id', '=', input.id);
  if (input.status) q = q.where('t.status', '=', input.status);
  if (input.sector) q = q.where('t.sector', '=', input.sector);
  if (input.unitCode) q = q.where('u.code', '=', input.unitCode);
  const rows = await q.execute();
  const tasks: PlanTask[] = rows.map((t) => {
    const open = OPEN.includes(t.status);
    return {
      id: t.id,
      unitCode: t.code,
      communeName: t.full_name,
      catalogId: t.catalog_id,
      criterionNo: t.criterion_no,
      criterionName: t.criterion_name,
      sector: t.sector,
      title: t.title,
      dueOn: t.due_on,
      status: t.status,
      origin: t.origin,
      roundId: t.round_id,
      doneOn: t.done_on,
      note: t.note,
      overdue: open && t.due_on < today,
      daysLeft: daysBetween(today, t.due_on),
      updatedAt: t.updated_at,
    };
  });
  return tasks
    .filter((t) => !input.overdueOnly || t.overdue)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || Number(OPEN.includes(b.status)) - Number(OPEN.includes(a.status)) || a.dueOn.localeCompare(b.dueOn) || a.unitCode.localeCompare(b.unitCode) || a.criterionNo - b.criterionNo);
}

type Draft = { communeId: string; catalogId: string; criterionNo: number; criterionName: string; sector: string; title: string; origin: 'round' | 'roadmap'; roundId: string | null };

/**
 * One task per criterion not met, for the sector the catalog makes responsible, with the deadline given: from a
 * round, the criteria its team found not met; otherwise the criteria still failing on the communes' roadmaps and
 * under the catalog in force for recognised communes. An open task for the same commune and criterion is kept.
 */
export async function generateTasks(ctx: ServiceContext, input: { roundId?: string; unitCodes?: string[]; dueOn: string }): Promise<{ created: number; skipped: number; tasks: PlanTask[] }> {
  const scope = await officeScope(ctx);
  const today = todayOf(ctx.now());
  if (input.dueOn < today) throw new AppError('TASK_DUE_IN_PAST', 'Thời hạn hoàn thành không được trước hôm nay.');
  const communes = await communeRows(ctx, scope);
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const wanted = input.unitCodes ? new Set(input.unitCodes) : null;
  const drafts: Draft[] = [];
  if (input.roundId) {
    const items = await ctx.db
      .selectFrom('plan_round_item')
      .innerJoin('ntm_commune as c', 'c.id', 'plan_round_item.subject_id')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select(['u.code', 'u.full_name', 'c.id as commune_id'])
      .where('plan_round_item.round_id', '=', input.roundId)
      .where('plan_round_item.subject_kind', '=', 'commune')
      .where('plan_round_item.deleted', '=', 0)
      .where('plan_round_item.office_code', '=', scope.officeCode)
      .execute();
    if (items.length === 0) {
      const round = await ctx.db.selectFrom('plan_round').select('id').where('id', '=', input.roundId).where('deleted', '=', 0).executeTakeFirst();
      if (!round) throw new AppError('ROUND_NOT_FOUND', 'Không tìm thấy đợt rà soát.', { id: input.roundId });
    }
    const catalogs = catalogCache(ctx);
    for (const it of items) {
      if (wanted && !wanted.has(it.code)) continue;
      const found = await teamNotMet(ctx, { roundId: input.roundId, unitCode: it.code });
      const loaded = await catalogs.byId(found.catalogId);
      for (const c of found.criteria) {
        drafts.push({
          communeId: it.commune_id,
          catalogId: found.catalogId,
          criterionNo: c.no,
          criterionName: c.name,
          sector: c.responsibleSector ?? UNKNOWN_SECTOR,
          title: `Khắc phục tiêu chí ${c.no}. ${c.name} tại ${it.full_name} theo kết quả rà soát của đoàn liên ngành (${loaded?.catalog.name ?? found.catalogId})`,
          origin: 'round',
          roundId: input.roundId,
        });
      }
    }
  } else {
    const roadmaps = await listRoadmaps(ctx, {});
    for (const r of roadmaps) {
      if (wanted && !wanted.has(r.unitCode)) continue;
      const commune = byCode.get(r.unitCode)!;
      for (const g of r.goals) {
        if (g.achieved || !g.catalog) continue;
        for (const f of g.failing.filter((x) => x.status === 'not_met')) {
          drafts.push({
            communeId: commune.id,
            catalogId: g.catalog.id,
            criterionNo: f.no,
            criterionName: f.name,
            sector: f.sector ?? UNKNOWN_SECTOR,
            title: `Hoàn thành tiêu chí ${f.no}. ${f.name} để ${r.name} đạt ${NTM_LEVEL_LABELS[g.level as NtmLevel]} năm ${g.targetYear}`,
            origin: 'roadmap',
            roundId: null,
          });
        }
      }
      for (const m of r.maintenance) {
        for (const f of m.failing.filter((x) => x.status === 'not_met')) {
          drafts.push({
            communeId: commune.id,
            catalogId: m.currentCatalog.id,
            criterionNo: f.no,
            criterionName: f.name,
            sector: f.sector ?? UNKNOWN_SECTOR,
            title: `Duy trì, nâng cao chất lượng tiêu chí ${f.no}. ${f.name} tại ${r.name} (công nhận ngày ${vnDate(m.recognizedOn)}) theo ${m.currentCatalog.name}`,
            origin: 'roadmap',
            roundId: null,
          });
        }
      }
    }
  }
  const open = await ctx.db
    .selectFrom('plan_task')
    .select(['commune_id', 'catalog_id', 'criterion_no'])
    .where('office_code', '=', scope.officeCode)
    .where('deleted', '=', 0)
    .where('status', 'in', OPEN)
    .execute();
  const have = new Set(open.map((t) => `${t.commune_id}/${t.catalog_id}/${t.criterion_no}`));
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const createdIds: string[] = [];
  let skipped = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const d of drafts) {
      const key = `${d.communeId}/${d.catalogId}/${d.criterionNo}`;
      if (have.has(key)) {
        skipped++;
        continue;
      }
      have.add(key);
      const id = ctx.newId();
      createdIds.push(id);
      await trx
        .insertInto('plan_task')
        .values({ id, office_code: scope.officeCode, commune_id: d.communeId, catalog_id: d.catalogId, criterion_no: d.criterionNo, criterion_name: d.criterionName, sector: d.sector, title: d.title, due_on: input.dueOn, status: 'open', origin: d.origin, round_id: d.roundId, done_on: null, note: null, created_by: actor.name, updated_at: at })
        .execute();
    }
    await audit(trx, ctx, actor, { entity: 'plan_task', entityId: input.roundId ?? 'roadmap', action: 'generate', before: null, after: { created: createdIds.length, skipped, dueOn: input.dueOn } });
  });
  const all = await listTasks(ctx, {});
  const created = new Set(createdIds);
  return { created: createdIds.length, skipped, tasks: all.filter((t) => created.has(t.id)) };
}

export type SaveTaskInput = {
  id?: string;
  unitCode?: string;
  catalogId?: string;
  criterionNo?: number;
  sector?: string;
  title?: string;
  dueOn?: string;
  status?: TaskStatus;
  note?: string | null;
};

/** Adds a task by hand, or updates a task's status, deadline, sector or note. One transaction, audited. */
export async function saveTask(ctx: ServiceContext, input: SaveTaskInput): Promise<PlanTask> {
  const scope = await officeScope(ctx);
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const today = todayOf(ctx.now());
  if (input.id) {
    const before = await ctx.db.selectFrom('plan_task').selectAll().where('id', '=', input.id).where('office_code', '=', scope.officeCode).where('deleted', '=', 0).executeTakeFirst();
    if (!before) throw new AppError('TASK_NOT_FOUND', 'Không tìm thấy nhiệm vụ.', { id: input.id });
    const status = input.status ?? before.status;
    const next = {
      sector: input.sector ?? before.sector,
      title: input.title ?? before.title,
      due_on: input.dueOn ?? before.due_on,
      status,
      done_on: status === 'done' ? (before.done_on ?? today) : null,
      note: input.note === undefined ? before.note : input.note,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('plan_task').set({ ...next, updated_at: at, version: before.version + 1 }).where('id', '=', before.id).execute();
      await audit(trx, ctx, actor, { entity: 'plan_task', entityId: before.id, action: 'update', before: { sector: before.sector, dueOn: before.due_on, status: before.status, note: before.note }, after: next });
    });
    return (await listTasks(ctx, { id: before.id }))[0]!;
  }
  if (!input.unitCode || !input.catalogId || input.criterionNo === undefined || !input.dueOn) {
    throw new AppError('TASK_FIELDS_REQUIRED', 'Nhiệm vụ mới cần xã, bộ tiêu chí, số tiêu chí và thời hạn.');
  }
  const commune = await communeByCode(ctx, scope, input.unitCode);
  const loaded = await catalogCache(ctx).byId(input.catalogId);
  if (!loaded) throw new AppError('CATALOG_NOT_FOUND', `Không có bộ tiêu chí "${input.catalogId}".`, { id: input.catalogId });
  const criterion = loaded.catalog.criteria.find((c) => c.no === input.criterionNo);
  if (!criterion) throw new AppError('CRITERION_NOT_FOUND', `Bộ tiêu chí "${loaded.catalog.name}" không có tiêu chí số ${input.criterionNo}.`);
  const id = ctx.newId();
  const row = {
    id,
    office_code: scope.officeCode,
    commune_id: commune.id,
    catalog_id: loaded.catalog.id,
    criterion_no: criterion.no,
    criterion_name: criterion.name,
    sector: input.sector ?? criterion.responsibleSector?.name ?? UNKNOWN_SECTOR,
    title: input.title ?? `Tiêu chí ${criterion.no}. ${criterion.name} tại ${commune.full_name}`,
    due_on: input.dueOn,
    status: input.status ?? ('open' as const),
    origin: 'manual' as const,
    round_id: null,
    done_on: input.status === 'done' ? today : null,
    note: input.note ?? null,
    created_by: actor.name,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('plan_task').values(row).execute();
    await audit(trx, ctx, actor, { entity: 'plan_task', entityId: id, action: 'create', before: null, after: row });
  });
  return (await listTasks(ctx, { id }))[0]!;
}
