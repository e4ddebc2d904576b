import type { CriterionSectors, SectorDiscrepancies, SectorDiscrepancy, SectorFailing, SectorFailingItem } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import { evaluateCommune } from '../../core/ntm/index';
import type { ServiceContext } from '../context';
import { profileOf } from '../ntm/assessment';
import { loadAssessmentInputs } from '../ntm/assessmentInputs';
import { loadCatalog } from '../ntm/catalogs';
import { communeRows, officeScope } from '../ntm/communes';
import { todayOf } from '../ocop/actor';
import { audit, currentActor } from '../staff';
import { compare } from './findings';
import { catalogCache } from './levelCatalog';
import { refuseMerged } from './owners';

export const UNKNOWN_SECTOR = 'Chưa xác định ngành phụ trách';

/** Every criterion of a catalog with the sector the catalog makes responsible and the office's own, if set. */
export async function listSectors(ctx: ServiceContext, input: { catalogId: string }): Promise<CriterionSectors> {
  const scope = await officeScope(ctx);
  // The catalog as shipped or imported: its defaults, not the office's.
  const loaded = await loadCatalog(ctx, input.catalogId, 0);
  const own = await ctx.db
    .selectFrom('plan_criterion_sector')
    .selectAll()
    .where('office_code', '=', scope.officeCode)
    .where('catalog_id', '=', loaded.catalog.id)
    .where('deleted', '=', 0)
    .execute();
  const byNo = new Map(own.map((r) => [r.criterion_no, r]));
  return {
    catalog: loaded.summary,
    criteria: loaded.catalog.criteria.map((c) => {
      const o = byNo.get(c.no);
      const defaultSector = c.responsibleSector?.name ?? null;
      return { no: c.no, name: c.name, defaultSector, sector: o?.sector ?? defaultSector, overridden: !!o, note: o?.note ?? null, updatedAt: o?.updated_at ?? null };
    }),
  };
}

/**
 * Sets the office's responsible sector for one criterion (an office-owned, syncable record), or with null goes back
 * to the catalog's default (the record becomes a tombstone, so the province sees the change too). Audited.
 */
export async function setSector(ctx: ServiceContext, input: { catalogId: string; criterionNo: number; sector: string | null; note?: string | null }): Promise<CriterionSectors> {
  const scope = await officeScope(ctx);
  const current = await listSectors(ctx, { catalogId: input.catalogId });
  const criterion = current.criteria.find((c) => c.no === input.criterionNo);
  if (!criterion) {
    throw new AppError('CRITERION_NOT_FOUND', `Bộ tiêu chí "${current.catalog.name}" không có tiêu chí số ${input.criterionNo}.`);
  }
  const catalogId = current.catalog.id;
  const before = await ctx.db
    .selectFrom('plan_criterion_sector')
    .selectAll()
    .where('office_code', '=', scope.officeCode)
    .where('catalog_id', '=', catalogId)
    .where('criterion_no', '=', input.criterionNo)
    .executeTakeFirst();
  if (before) refuseMerged(scope, before.office_code, 'Ngành phụ trách');
  // The default itself is no override: setting it back is the same as clearing.
  const sector = input.sector !== null && input.sector === criterion.defaultSector ? null : input.sector;
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (sector === null) {
      if (before && before.deleted === 0) {
        await trx.updateTable('plan_criterion_sector').set({ deleted: 1, updated_at: at, version: before.version + 1 }).where('id', '=', before.id).execute();
      }
    } else if (before) {
      await trx
        .updateTable('plan_criterion_sector')
        .set({ sector, note: input.note ?? null, deleted: 0, updated_at: at, version: before.version + 1 })
        .where('id', '=', before.id)
        .execute();
    } else {
      await trx
        .insertInto('plan_criterion_sector')
        .values({ id: ctx.newId(), office_code: scope.officeCode, catalog_id: catalogId, criterion_no: input.criterionNo, sector, note: input.note ?? null, updated_at: at })
        .execute();
    }
    await audit(trx, ctx, actor, {
      entity: 'plan_criterion_sector',
      entityId: `${catalogId}/${input.criterionNo}`,
      action: sector === null ? 'reset' : before ? 'update' : 'create',
      before: { sector: criterion.sector, overridden: criterion.overridden },
      after: { sector: sector ?? criterion.defaultSector, overridden: sector !== null, note: input.note ?? null },
    });
  });
  return listSectors(ctx, { catalogId });
}

type Status = 'met' | 'not_met' | 'undetermined' | null;

/**
 * Where a team's (đoàn thẩm định) or a sector's finding disagrees with the commune's self-assessment, per criterion,
 * grouped by the criterion's responsible sector (the office's own where set): the objectivity check of the
 * directives, with counts. A sector's finding counts once it decides the criterion (met or not met).
 */
export async function discrepanciesBySector(ctx: ServiceContext, input: { roundId?: string }): Promise<SectorDiscrepancies> {
  const scope = await officeScope(ctx);
  let q = ctx.db.selectFrom('plan_round').select(['id', 'title', 'office_code']).where('deleted', '=', 0);
  q = input.roundId ? q.where('id', '=', input.roundId) : q.where('office_code', '=', scope.officeCode);
  if (scope.kind !== 'province') q = q.where('office_code', '=', scope.officeCode);
  const rounds = await q.orderBy('document_date').execute();
  if (input.roundId && rounds.length === 0) {
    throw new AppError('ROUND_NOT_FOUND', 'Không tìm thấy đợt rà soát.', { id: input.roundId });
  }
  const rows: (SectorDiscrepancy & { sectorName: string })[] = [];
  for (const round of rounds) {
    // Communes with at least one finding of the team or a sector.
    const judged = await ctx.db
      .selectFrom('plan_finding as f')
      .innerJoin('ntm_commune as c', 'c.id', 'f.commune_id')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select('u.code')
      .distinct()
      .where('f.round_id', '=', round.id)
      .where('f.deleted', '=', 0)
      .orderBy('u.code')
      .execute();
    for (const { code } of judged) {
      const view = await compare(ctx, { roundId: round.id, unitCode: code });
      for (const c of view.criteria) {
        const by: ('team' | 'sector')[] = [];
        if (c.differs) by.push('team');
        if ((c.sector === 'met' || c.sector === 'not_met') && c.sector !== c.self) by.push('sector');
        if (by.length === 0) continue;
        rows.push({
          roundId: round.id,
          roundTitle: round.title,
          unitCode: view.unitCode,
          communeName: view.communeName,
          catalogId: view.catalog.id,
          criterionNo: c.no,
          criterionName: c.name,
          self: c.self as Status,
          team: c.team as Status,
          sectorFinding: c.sector as Status,
          by,
          overstated: c.overstated || (c.self === 'met' && c.sector === 'not_met'),
          sectorName: c.responsibleSector ?? UNKNOWN_SECTOR,
        });
      }
    }
  }
  const groups = new Map<string, SectorDiscrepancy[]>();
  for (const { sectorName, ...r } of rows) groups.set(sectorName, [...(groups.get(sectorName) ?? []), r]);
  const sectors = [...groups.entries()]
    .map(([sector, list]) => ({
      sector,
      count: list.length,
      overstated: list.filter((r) => r.overstated).length,
      communeCount: new Set(list.map((r) => `${r.roundId}/${r.unitCode}`)).size,
      rows: list.sort((a, b) => a.criterionNo - b.criterionNo || a.unitCode.localeCompare(b.unitCode)),
    }))
    .sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector, 'vi'));
  return { roundId: input.roundId ?? null, total: rows.length, overstated: rows.filter((r) => r.overstated).length, sectors };
}

/**
 * Per sector, every criterion not met in each commune's latest self-assessment (any catalog, the latest quarter the
 * commune assessed), with the open task for it if there is one: what the sector still has to do across communes.
 */
export async function failingBySector(ctx: ServiceContext, input: { sector?: string }): Promise<SectorFailing> {
  const scope = await officeScope(ctx);
  const today = todayOf(ctx.now());
  const communes = await communeRows(ctx, scope);
  const byId = new Map(communes.map((c) => [c.id, c]));
  const assessments = await ctx.db
    .selectFrom('ntm_assessment')
    .select(['id', 'commune_id', 'period', 'catalog_id'])
    .where('office_code', '=', scope.officeCode)
    .where('deleted', '=', 0)
    .orderBy('period', 'desc')
    .orderBy('updated_at', 'desc')
    .execute();
  const latest = new Map<string, (typeof assessments)[number]>();
  for (const a of assessments) if (byId.has(a.commune_id) && !latest.has(a.commune_id)) latest.set(a.commune_id, a);
  const inputs = await loadAssessmentInputs(ctx.db, [...latest.values()].map((a) => a.id));
  const tasks = await ctx.db
    .selectFrom('plan_task')
    .select(['id', 'commune_id', 'catalog_id', 'criterion_no', 'due_on'])
    .where('office_code', '=', scope.officeCode)
    .where('deleted', '=', 0)
    .where('status', 'in', ['open', 'in_progress'])
    .orderBy('due_on')
    .execute();
  const taskOf = new Map<string, SectorFailingItem['openTask']>();
  for (const t of tasks) {
    const key = `${t.commune_id}/${t.catalog_id}/${t.criterion_no}`;
    if (!taskOf.has(key)) taskOf.set(key, { id: t.id, dueOn: t.due_on, overdue: t.due_on < today });
  }
  const catalogs = catalogCache(ctx);
  const groups = new Map<string, SectorFailingItem[]>();
  for (const [communeId, a] of latest) {
    const loaded = await catalogs.byId(a.catalog_id);
    if (!loaded) continue;
    const commune = byId.get(communeId)!;
    const evaluation = evaluateCommune(loaded.compiled, profileOf(commune), Number(a.period.slice(0, 4)), inputs.get(a.id) ?? {});
    for (const c of evaluation.criteria) {
      if (c.status !== 'not_met') continue;
      const sector = loaded.catalog.criteria.find((x) => x.no === c.no)?.responsibleSector?.name ?? UNKNOWN_SECTOR;
      if (input.sector && sector !== input.sector) continue;
      groups.set(sector, [
        ...(groups.get(sector) ?? []),
        {
          unitCode: commune.code,
          communeName: commune.full_name,
          period: a.period,
          catalogId: loaded.catalog.id,
          catalogName: loaded.catalog.name,
          criterionNo: c.no,
          criterionName: c.name,
          openTask: taskOf.get(`${communeId}/${loaded.catalog.id}/${c.no}`) ?? null,
        },
      ]);
    }
  }
  return {
    assessedCount: latest.size,
    sectors: [...groups.entries()]
      .map(([sector, items]) => ({
        sector,
        criteriaCount: new Set(items.map((i) => `${i.catalogId}/${i.criterionNo}`)).size,
        communeCount: new Set(items.map((i) => i.unitCode)).size,
        withoutTask: items.filter((i) => i.openTask === null).length,
        items: items.sort((x, y) => x.criterionNo - y.criterionNo || x.unitCode.localeCompare(y.unitCode)),
      }))
      .sort((x, y) => y.items.length - x.items.length || x.sector.localeCompare(y.sector, 'vi')),
  };
}
