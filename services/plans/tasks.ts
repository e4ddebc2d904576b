import type { Selectable } from 'kysely';
import type { NtmLevel } from '../../core/contract/ntm';
import { NTM_LEVEL_LABELS } from '../../core/contract/ntm';
import type { PlanTask, TaskStatus } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import { daysBetween } from '../../core/plans/index';
import { getStaff } from '../../db/office';
import type { PlanTaskTable } from '../../db/schema';
import type { ServiceContext } from '../context';
import { communeByCode, communeRows, officeScope, type OfficeScope } from '../ntm/communes';
import { todayOf } from '../ocop/actor';
import { audit, currentActor } from '../staff';
import { teamNotMet } from './findings';
import { catalogCache } from './levelCatalog';
import { vnDate } from './officeCommunes';
import { owners, refuseMerged } from './owners';
import { listRoadmaps } from './roadmap';
import { UNKNOWN_SECTOR } from './sectors';

const OPEN: TaskStatus[] = ['open', 'in_progress'];
type TaskRow = Selectable<PlanTaskTable>;

type TaskQuery = {
  status?: TaskStatus;
  sector?: string;
  staffId?: string;
  unitCode?: string;
  productId?: string;
  roundId?: string;
  overdueOnly?: boolean;
  today?: string;
  id?: string;
};

/**
 * The office's tasks, overdue first, then open ones by deadline; in province mode also the tasks merged from other
 * offices' bundles, marked with their office and read-only.
 */
export async function listTasks(ctx: ServiceContext, input: TaskQuery): Promise<PlanTask[]> {
  const scope = await officeScope(ctx);
  const who = await owners(ctx, scope);
  const today = input.today ?? todayOf(ctx.now());
  let q = ctx.db
    .selectFrom('plan_task as t')
    .leftJoin('ntm_commune as c', 'c.id', 't.commune_id')
    .leftJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('ocop_product as p', 'p.id', 't.product_id')
    .leftJoin('plan_round as r', 'r.id', 't.round_id')
    .selectAll('t')
    .select(['u.code', 'u.full_name', 'p.product_code', 'p.name as product_name', 'r.title as round_title'])
    .where('t.deleted', '=', 0);
  if (!who.all) q = q.where('t.office_code', '=', scope.officeCode);
  if (input.id) q = q.where('t.id', '=', input.id);
  if (input.status) q = q.where('t.status', '=', input.status);
  if (input.sector) q = q.where('t.sector', '=', input.sector);
  if (input.staffId) q = q.where('t.staff_id', '=', input.staffId);
  if (input.unitCode) q = q.where('u.code', '=', input.unitCode);
  if (input.productId) q = q.where('t.product_id', '=', input.productId);
  if (input.roundId) q = q.where('t.round_id', '=', input.roundId);
  const rows = await q.execute();
  const tasks: PlanTask[] = rows.map((t) => {
    const open = OPEN.includes(t.status);
    return {
      ...who.of(t.office_code),
      id: t.id,
      unitCode: t.code ?? null,
      communeName: t.full_name ?? null,
      catalogId: t.catalog_id,
      criterionNo: t.criterion_no,
      criterionName: t.criterion_name,
      productId: t.product_id,
      productCode: t.product_code ?? null,
      productName: t.product_name ?? null,
      roundId: t.round_id,
      roundTitle: t.round_title ?? null,
      sector: t.sector,
      staffId: t.staff_id,
      staffName: t.staff_name,
      assignee: [t.sector, t.staff_name].filter((x): x is string => !!x).join(' · '),
      document: t.doc_no && t.doc_date ? { no: t.doc_no, date: t.doc_date, issuer: t.doc_issuer } : null,
      title: t.title,
      dueOn: t.due_on,
      status: t.status,
      origin: t.origin,
      doneOn: t.done_on,
      note: t.note,
      overdue: open && t.due_on < today,
      daysLeft: daysBetween(today, t.due_on),
      updatedAt: t.updated_at,
    };
  });
  const own = (t: PlanTask) => Number(t.readOnly);
  return tasks
    .filter((t) => !input.overdueOnly || t.overdue)
    .sort(
      (a, b) =>
        own(a) - own(b) ||
        a.officeCode.localeCompare(b.officeCode) ||
        Number(b.overdue) - Number(a.overdue) ||
        Number(OPEN.includes(b.status)) - Number(OPEN.includes(a.status)) ||
        a.dueOn.localeCompare(b.dueOn) ||
        (a.unitCode ?? '').localeCompare(b.unitCode ?? '') ||
        (a.criterionNo ?? 0) - (b.criterionNo ?? 0) ||
        a.title.localeCompare(b.title, 'vi'),
    );
}

type DocumentInput = { documentNo?: string | null; documentDate?: string | null; documentIssuer?: string | null };
type DocumentFields = Pick<TaskRow, 'doc_no' | 'doc_date' | 'doc_issuer'>;

/** The assigning document: number and date together (issuer optional), dated no later than the deadline. */
function documentOf(input: DocumentInput, before: DocumentFields | null, dueOn: string): DocumentFields {
  const doc = {
    doc_no: input.documentNo === undefined ? (before?.doc_no ?? null) : input.documentNo,
    doc_date: input.documentDate === undefined ? (before?.doc_date ?? null) : input.documentDate,
    doc_issuer: input.documentIssuer === undefined ? (before?.doc_issuer ?? null) : input.documentIssuer,
  };
  if ((doc.doc_no || doc.doc_issuer) && !doc.doc_date) throw new AppError('TASK_DOCUMENT_INCOMPLETE', 'Văn bản giao nhiệm vụ cần ghi ngày ban hành.');
  if (doc.doc_date && !doc.doc_no) throw new AppError('TASK_DOCUMENT_INCOMPLETE', 'Văn bản giao nhiệm vụ cần ghi số văn bản.');
  if (doc.doc_date && doc.doc_date > dueOn) {
    throw new AppError('TASK_DOCUMENT_AFTER_DUE', `Thời hạn hoàn thành (${vnDate(dueOn)}) không được trước ngày văn bản giao nhiệm vụ (${vnDate(doc.doc_date)}).`);
  }
  return doc;
}

type Draft = { communeId: string; catalogId: string; criterionNo: number; criterionName: string; sector: string; title: string; origin: 'round' | 'roadmap'; roundId: string | null };

/**
 * One task per criterion not met, for the sector responsible (the office's own where it set one, else the catalog's),
 * with the deadline given: from a round, the criteria its team found not met; otherwise the criteria still failing
 * on the communes' roadmaps and under the catalog in force for recognised communes. An open task for the same commune
 * and criterion is kept. The assigning document, when given, goes on every task created.
 */
export async function generateTasks(
  ctx: ServiceContext,
  input: { roundId?: string; unitCodes?: string[]; dueOn: string } & DocumentInput,
): Promise<{ created: number; skipped: number; tasks: PlanTask[] }> {
  const scope = await officeScope(ctx);
  const today = todayOf(ctx.now());
  if (input.dueOn < today) throw new AppError('TASK_DUE_IN_PAST', 'Thời hạn hoàn thành không được trước hôm nay.');
  const doc = documentOf(input, null, input.dueOn);
  const communes = await communeRows(ctx, scope);
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const wanted = input.unitCodes ? new Set(input.unitCodes) : null;
  const drafts: Draft[] = [];
  if (input.roundId) {
    const round = await ctx.db.selectFrom('plan_round').select(['id', 'office_code']).where('id', '=', input.roundId).where('deleted', '=', 0).executeTakeFirst();
    if (!round || (round.office_code !== scope.officeCode && scope.kind !== 'province')) throw new AppError('ROUND_NOT_FOUND', 'Không tìm thấy đợt rà soát.', { id: input.roundId });
    refuseMerged(scope, round.office_code, 'Đợt rà soát');
    const items = await ctx.db
      .selectFrom('plan_round_item')
      .innerJoin('ntm_commune as c', 'c.id', 'plan_round_item.subject_id')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select(['u.code', 'u.full_name', 'c.id as commune_id'])
      .where('plan_round_item.round_id', '=', input.roundId)
      .where('plan_round_item.subject_kind', '=', 'commune')
      .where('plan_round_item.deleted', '=', 0)
      .execute();
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
        .values({
          id,
          office_code: scope.officeCode,
          commune_id: d.communeId,
          catalog_id: d.catalogId,
          criterion_no: d.criterionNo,
          criterion_name: d.criterionName,
          product_id: null,
          sector: d.sector,
          staff_id: null,
          staff_name: null,
          title: d.title,
          due_on: input.dueOn,
          status: 'open',
          origin: d.origin,
          round_id: d.roundId,
          done_on: null,
          note: null,
          created_by: actor.name,
          ...doc,
          updated_at: at,
        })
        .execute();
    }
    await audit(trx, ctx, actor, { entity: 'plan_task', entityId: input.roundId ?? 'roadmap', action: 'generate', before: null, after: { created: createdIds.length, skipped, dueOn: input.dueOn, ...doc } });
  });
  const all = await listTasks(ctx, {});
  const created = new Set(createdIds);
  return { created: createdIds.length, skipped, tasks: all.filter((t) => created.has(t.id)) };
}

export type SaveTaskInput = {
  id?: string;
  unitCode?: string | null;
  catalogId?: string | null;
  criterionNo?: number | null;
  productId?: string | null;
  roundId?: string | null;
  sector?: string | null;
  staffId?: string | null;
  title?: string;
  dueOn?: string;
  status?: TaskStatus;
  note?: string | null;
} & DocumentInput;

/** An active staff member of this installation, by id (staff are local: the name travels with the task). */
async function staffOf(ctx: ServiceContext, id: string): Promise<{ id: string; name: string }> {
  const s = await getStaff(ctx.db, id);
  if (!s || s.active !== 1) throw new AppError('TASK_STAFF_NOT_FOUND', 'Không tìm thấy cán bộ được giao (hoặc cán bộ đã thôi làm việc).', { id });
  return { id: s.id, name: s.name };
}

/** The links of a new task, each checked: the commune and product of the office, the criterion in its catalog, the round's scope. */
async function linksOf(ctx: ServiceContext, scope: OfficeScope, input: SaveTaskInput) {
  const problems: string[] = [];
  if (!input.dueOn) problems.push('thời hạn hoàn thành');
  const linked = input.unitCode || input.catalogId || input.criterionNo || input.productId || input.roundId;
  if (!linked) problems.push('ít nhất một nơi gắn nhiệm vụ: xã, tiêu chí, sản phẩm OCOP hoặc đợt rà soát');
  if (problems.length > 0) throw new AppError('TASK_FIELDS_REQUIRED', `Nhiệm vụ mới cần ${problems.join(' và ')}.`, { missing: problems });
  if ((input.criterionNo ?? null) === null !== ((input.catalogId ?? null) === null)) {
    throw new AppError('TASK_CRITERION_INVALID', 'Tiêu chí phải đi cùng bộ tiêu chí: hãy chọn cả bộ tiêu chí và số tiêu chí.');
  }
  const commune = input.unitCode ? await communeByCode(ctx, scope, input.unitCode) : null;
  let criterion: { catalogId: string; catalogName: string; no: number; name: string; sector: string | null } | null = null;
  if (input.catalogId && input.criterionNo) {
    const loaded = await catalogCache(ctx).byId(input.catalogId);
    if (!loaded) throw new AppError('CATALOG_NOT_FOUND', `Không có bộ tiêu chí "${input.catalogId}".`, { id: input.catalogId });
    const c = loaded.catalog.criteria.find((x) => x.no === input.criterionNo);
    if (!c) throw new AppError('CRITERION_NOT_FOUND', `Bộ tiêu chí "${loaded.catalog.name}" không có tiêu chí số ${input.criterionNo}.`);
    criterion = { catalogId: loaded.catalog.id, catalogName: loaded.catalog.name, no: c.no, name: c.name, sector: c.responsibleSector?.name ?? null };
  }
  const product = input.productId
    ? await ctx.db.selectFrom('ocop_product').select(['id', 'name', 'product_code']).where('id', '=', input.productId).where('office_code', '=', scope.officeCode).where('deleted', '=', 0).executeTakeFirst()
    : null;
  if (input.productId && !product) throw new AppError('TASK_PRODUCT_NOT_FOUND', 'Không tìm thấy sản phẩm OCOP này của văn phòng.', { id: input.productId });
  const round = input.roundId
    ? await ctx.db.selectFrom('plan_round').select(['id', 'title']).where('id', '=', input.roundId).where('office_code', '=', scope.officeCode).where('deleted', '=', 0).executeTakeFirst()
    : null;
  if (input.roundId && !round) throw new AppError('ROUND_NOT_FOUND', 'Không tìm thấy đợt rà soát.', { id: input.roundId });
  if (round && (commune || product)) {
    const subjects = [...(commune ? [{ kind: 'commune' as const, id: commune.id, name: commune.full_name }] : []), ...(product ? [{ kind: 'ocop_product' as const, id: product.id, name: product.name }] : [])];
    for (const s of subjects) {
      const item = await ctx.db.selectFrom('plan_round_item').select('id').where('round_id', '=', round.id).where('subject_kind', '=', s.kind).where('subject_id', '=', s.id).where('deleted', '=', 0).executeTakeFirst();
      if (!item) throw new AppError('ROUND_ITEM_NOT_IN_SCOPE', `${s.name} không thuộc phạm vi đợt rà soát "${round.title}".`);
    }
  }
  return { commune, criterion, product, round };
}

/**
 * Adds a task by hand, or updates a task's assignee, deadline, status, note or assigning document. A task is for a
 * sector, a staff member, or both; it is linked to a commune, a criterion, an OCOP product, a round, or several of
 * them. One transaction, audited; bad input changes nothing.
 */
export async function saveTask(ctx: ServiceContext, input: SaveTaskInput): Promise<PlanTask> {
  const scope = await officeScope(ctx);
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const today = todayOf(ctx.now());
  if (input.id) {
    let q = ctx.db.selectFrom('plan_task').selectAll().where('id', '=', input.id).where('deleted', '=', 0);
    if (scope.kind !== 'province') q = q.where('office_code', '=', scope.officeCode);
    const before = await q.executeTakeFirst();
    if (!before) throw new AppError('TASK_NOT_FOUND', 'Không tìm thấy nhiệm vụ.', { id: input.id });
    refuseMerged(scope, before.office_code, 'Nhiệm vụ');
    const status = input.status ?? before.status;
    const staff = input.staffId === undefined ? { id: before.staff_id, name: before.staff_name } : input.staffId === null ? { id: null, name: null } : await staffOf(ctx, input.staffId);
    const next = {
      sector: input.sector === undefined ? before.sector : input.sector,
      staff_id: staff.id,
      staff_name: staff.name,
      title: input.title ?? before.title,
      due_on: input.dueOn ?? before.due_on,
      status,
      done_on: status === 'done' ? (before.done_on ?? today) : null,
      note: input.note === undefined ? before.note : input.note,
    };
    if (!next.sector && !next.staff_name) throw new AppError('TASK_ASSIGNEE_REQUIRED', 'Hãy giao nhiệm vụ cho một ngành hoặc một cán bộ.');
    const doc = documentOf(input, before, next.due_on);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('plan_task').set({ ...next, ...doc, updated_at: at, version: before.version + 1 }).where('id', '=', before.id).execute();
      await audit(trx, ctx, actor, {
        entity: 'plan_task',
        entityId: before.id,
        action: 'update',
        before: { sector: before.sector, staff: before.staff_name, dueOn: before.due_on, status: before.status, note: before.note, docNo: before.doc_no, docDate: before.doc_date },
        after: { ...next, ...doc },
      });
    });
    return (await listTasks(ctx, { id: before.id }))[0]!;
  }
  const { commune, criterion, product, round } = await linksOf(ctx, scope, input);
  const dueOn = input.dueOn!;
  const staff = input.staffId ? await staffOf(ctx, input.staffId) : null;
  // The sector named, else the criterion's responsible one; a task for a staff member alone needs none.
  const sector = input.sector ?? criterion?.sector ?? (criterion && !staff ? UNKNOWN_SECTOR : null);
  if (!sector && !staff) throw new AppError('TASK_ASSIGNEE_REQUIRED', 'Hãy giao nhiệm vụ cho một ngành hoặc một cán bộ.');
  const doc = documentOf(input, null, dueOn);
  // "Tiêu chí 19. Quốc phòng và An ninh tại Xã Nậm Càn"; "Sản phẩm Chè Shan tuyết Bình Lư (đợt rà soát …)".
  const what = criterion ? `Tiêu chí ${criterion.no}. ${criterion.name}` : product ? `Sản phẩm ${product.name}` : commune ? commune.full_name : `Đợt rà soát "${round!.title}"`;
  const where = [criterion && product ? `sản phẩm ${product.name}` : null, (criterion || product) && commune ? `tại ${commune.full_name}` : null].filter(Boolean).join(' ');
  const title = [what, where].filter(Boolean).join(' ') + (round && (criterion || product || commune) ? ` (đợt rà soát "${round.title}")` : '');
  const id = ctx.newId();
  const row = {
    id,
    office_code: scope.officeCode,
    commune_id: commune?.id ?? null,
    catalog_id: criterion?.catalogId ?? null,
    criterion_no: criterion?.no ?? null,
    criterion_name: criterion?.name ?? null,
    product_id: product?.id ?? null,
    sector,
    staff_id: staff?.id ?? null,
    staff_name: staff?.name ?? null,
    title: input.title ?? title,
    due_on: dueOn,
    status: input.status ?? ('open' as const),
    origin: 'manual' as const,
    round_id: round?.id ?? null,
    done_on: input.status === 'done' ? today : null,
    note: input.note ?? null,
    created_by: actor.name,
    ...doc,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('plan_task').values(row).execute();
    await audit(trx, ctx, actor, { entity: 'plan_task', entityId: id, action: 'create', before: null, after: row });
  });
  return (await listTasks(ctx, { id }))[0]!;
}
