import { NTM_LEVEL_LABELS, type NtmLevel } from '../../core/contract/ntm';
import type { CommuneRoadmap, MaintenanceCheck, RoadmapGoal } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import { monthsLeft } from '../../core/plans/index';
import type { ServiceContext } from '../context';
import { communeByCode, communeRows, currentLevels, officeScope, type CommuneRow } from '../ntm/communes';
import { todayOf } from '../ocop/actor';
import { audit, currentActor } from '../staff';
import { failingCriteria, gapText, latestEvaluations } from './latestEvaluations';
import { catalogCache, LEVEL_RANK, type CatalogCache } from './levelCatalog';
import { quarterOf, vnDate } from './officeCommunes';

/** The catalog a recognition was made under: the one it names, or the one of its level in force in its year. */
export async function recognitionCatalogId(catalogs: CatalogCache, r: { level: NtmLevel; decided_on: string; catalog_id: string | null }): Promise<string | null> {
  if (r.catalog_id) return r.catalog_id;
  return (await catalogs.forLevel(r.level, Number(r.decided_on.slice(0, 4))))?.catalog.id ?? null;
}

/**
 * Every commune's roadmap: each level it registered for, with the criteria still failing under the catalog of
 * that level in force for the target year and the months left; and, for a commune recognised under an older
 * catalog, what it lacks under the one in force now ("duy trì, nâng cao chất lượng tiêu chí").
 */
export async function listRoadmaps(ctx: ServiceContext, input: { unitCode?: string; asOf?: string }): Promise<CommuneRoadmap[]> {
  const scope = await officeScope(ctx);
  const asOf = input.asOf ?? todayOf(ctx.now());
  const all = await communeRows(ctx, scope);
  const communes = input.unitCode ? [await communeByCode(ctx, scope, input.unitCode)] : all;
  const ids = new Set(communes.map((c) => c.id));
  const levels = await currentLevels(ctx, communes.map((c) => c.id));
  const goals = (await ctx.db.selectFrom('plan_roadmap').selectAll().where('office_code', '=', scope.officeCode).where('deleted', '=', 0).execute()).filter((g) =>
    ids.has(g.commune_id),
  );
  const recognitions = (
    await ctx.db.selectFrom('ntm_recognition').selectAll().where('deleted', '=', 0).where('revoked_on', 'is', null).orderBy('decided_on').execute()
  ).filter((r) => ids.has(r.commune_id));
  const catalogs = catalogCache(ctx);
  const upto = quarterOf(asOf);
  const asOfYear = Number(asOf.slice(0, 4));

  // One evaluation pass per catalog, over the communes that need it.
  const needs = new Map<string, { communes: Map<string, CommuneRow> }>();
  const need = async (level: NtmLevel, year: number, c: CommuneRow) => {
    const loaded = await catalogs.forLevel(level, year);
    if (!loaded) return null;
    if (!needs.has(loaded.catalog.id)) needs.set(loaded.catalog.id, { communes: new Map() });
    needs.get(loaded.catalog.id)!.communes.set(c.id, c);
    return loaded;
  };
  const byId = new Map(communes.map((c) => [c.id, c]));
  for (const g of goals) await need(g.level, Math.max(g.target_year, asOfYear), byId.get(g.commune_id)!);
  for (const r of recognitions) await need(r.level, asOfYear, byId.get(r.commune_id)!);
  const evaluated = new Map<string, Awaited<ReturnType<typeof latestEvaluations>>>();
  for (const [catalogId, n] of needs) {
    const loaded = (await catalogs.byId(catalogId))!;
    evaluated.set(catalogId, await latestEvaluations(ctx, [...n.communes.values()], loaded, upto));
  }

  const out: CommuneRoadmap[] = [];
  for (const c of communes) {
    const current = levels.get(c.id) ?? null;
    const goalViews: RoadmapGoal[] = [];
    for (const g of goals.filter((x) => x.commune_id === c.id).sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level])) {
      // The target year's catalog when the app has it; a goal already past is judged under today's.
      const loaded = await catalogs.forLevel(g.level, Math.max(g.target_year, asOfYear));
      const e = loaded ? evaluated.get(loaded.catalog.id)?.get(c.id) : undefined;
      const achieved = current !== null && LEVEL_RANK[current] >= LEVEL_RANK[g.level];
      const failing = loaded && e ? failingCriteria(loaded, e.evaluation) : [];
      const left = monthsLeft(asOf, g.target_year);
      goalViews.push({
        id: g.id,
        level: g.level,
        targetYear: g.target_year,
        planId: g.plan_id,
        note: g.note,
        achieved,
        monthsLeft: left,
        overdue: !achieved && left < 0,
        catalog: loaded ? { id: loaded.catalog.id, name: loaded.catalog.name } : null,
        assessedPeriod: e?.period ?? null,
        metCount: e ? e.evaluation.metCount : null,
        criteriaCount: e ? e.evaluation.criteriaCount : null,
        failing,
        message: achieved
          ? `Đã đạt ${NTM_LEVEL_LABELS[g.level]}.`
          : !loaded
            ? `Ứng dụng chưa có bộ tiêu chí ${NTM_LEVEL_LABELS[g.level]} áp dụng năm ${g.target_year}; hãy nhập bộ tiêu chí trong Cài đặt.`
            : !e
              ? `Chưa có đánh giá theo ${loaded.catalog.name}.`
              : failing.length === 0
                ? `Đạt ${e.evaluation.metCount}/${e.evaluation.criteriaCount} tiêu chí (${e.period}); đủ điều kiện đề nghị thẩm định.`
                : `Đạt ${e.evaluation.metCount}/${e.evaluation.criteriaCount} tiêu chí (${e.period}); còn ${failing.length}: ${gapText(failing)}.`,
      });
    }
    const maintenance: MaintenanceCheck[] = [];
    const seen = new Set<NtmLevel>();
    for (const r of recognitions.filter((x) => x.commune_id === c.id).reverse()) {
      if (seen.has(r.level)) continue;
      seen.add(r.level);
      const now = await catalogs.forLevel(r.level, asOfYear);
      const under = await recognitionCatalogId(catalogs, r);
      if (!now || under === now.catalog.id) continue;
      const e = evaluated.get(now.catalog.id)?.get(c.id);
      // The set the commune was recognised under, by its name (its id only if this installation does not hold it).
      const underName = under === null || under === undefined ? null : ((await catalogs.byId(under))?.catalog.name ?? under);
      const failing = e ? failingCriteria(now, e.evaluation) : [];
      maintenance.push({
        level: r.level,
        recognizedOn: r.decided_on,
        decisionNo: r.decision_no,
        recognizedCatalogId: under,
        currentCatalog: { id: now.catalog.id, name: now.catalog.name },
        assessedPeriod: e?.period ?? null,
        metCount: e ? e.evaluation.metCount : null,
        criteriaCount: now.catalog.criteria.length,
        failing,
        message: !e
          ? `Công nhận ngày ${vnDate(r.decided_on)} theo ${underName ?? 'bộ tiêu chí cũ'}; chưa đánh giá theo ${now.catalog.name}.`
          : failing.length === 0
            ? `Đạt đủ ${e.evaluation.criteriaCount} tiêu chí theo ${now.catalog.name} (${e.period}).`
            : `Duy trì, nâng cao chất lượng tiêu chí: theo ${now.catalog.name} còn ${failing.length} tiêu chí chưa đạt: ${gapText(failing)}.`,
      });
    }
    out.push({ unitCode: c.code, name: c.full_name, level: current, goals: goalViews, maintenance });
  }
  return out;
}

/** Registers (or with targetYear null, removes) the year a commune aims to reach a level. One transaction, audited. */
export async function setRoadmap(
  ctx: ServiceContext,
  input: { unitCode: string; level: NtmLevel; targetYear: number | null; planId?: string | null; note?: string | null },
): Promise<CommuneRoadmap> {
  const scope = await officeScope(ctx);
  const commune = await communeByCode(ctx, scope, input.unitCode);
  if (input.planId) {
    const plan = await ctx.db.selectFrom('plan').select('id').where('id', '=', input.planId).where('deleted', '=', 0).executeTakeFirst();
    if (!plan) throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.', { id: input.planId });
  }
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const before = await ctx.db
    .selectFrom('plan_roadmap')
    .selectAll()
    .where('office_code', '=', scope.officeCode)
    .where('commune_id', '=', commune.id)
    .where('level', '=', input.level)
    .executeTakeFirst();
  await ctx.db.transaction().execute(async (trx) => {
    if (input.targetYear === null) {
      if (before && before.deleted === 0) {
        await trx.updateTable('plan_roadmap').set({ deleted: 1, updated_at: at, version: before.version + 1 }).where('id', '=', before.id).execute();
      }
    } else if (before) {
      await trx
        .updateTable('plan_roadmap')
        .set({ target_year: input.targetYear, plan_id: input.planId ?? null, note: input.note ?? null, deleted: 0, updated_at: at, version: before.version + 1 })
        .where('id', '=', before.id)
        .execute();
    } else {
      await trx
        .insertInto('plan_roadmap')
        .values({ id: ctx.newId(), office_code: scope.officeCode, commune_id: commune.id, level: input.level, target_year: input.targetYear, plan_id: input.planId ?? null, note: input.note ?? null, updated_at: at })
        .execute();
    }
    await audit(trx, ctx, actor, {
      entity: 'plan_roadmap',
      entityId: `${commune.code}/${input.level}`,
      action: input.targetYear === null ? 'remove' : before ? 'update' : 'create',
      before: before && before.deleted === 0 ? { targetYear: before.target_year, planId: before.plan_id } : null,
      after: input.targetYear === null ? null : { targetYear: input.targetYear, planId: input.planId ?? null, note: input.note ?? null },
    });
  });
  return (await listRoadmaps(ctx, { unitCode: input.unitCode }))[0]!;
}
