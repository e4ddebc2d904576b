import type { NtmHistory, NtmHistoryAssessment, NtmHistoryRecognition, NtmHistoryUnit } from '../../core/contract/ntm';
import { REFORM_DATE, type UnitEra } from '../../core/contract/domain';
import { evaluateCommune } from '../../core/ntm/index';
import { parsePeriod } from '../../core/ntm/period';
import { unitLineage } from '../../db/lineage';
import { unitId } from '../../db/reference/admin-units/index';
import type { ServiceContext } from '../context';
import { inputOf, profileOf } from './assessment';
import { loadCatalog } from './catalogs';
import { officeScope } from './communes';

type Unit = { code: string; fullName: string; era: UnitEra };

/** Every office's recognitions of one unit (a province holds a district's after merging its bundle). */
async function recognitionsOf(ctx: ServiceContext, id: string): Promise<NtmHistoryRecognition[]> {
  const rows = await ctx.db
    .selectFrom('ntm_recognition as r')
    .innerJoin('ntm_commune as c', 'c.id', 'r.commune_id')
    .select(['r.id', 'r.level', 'r.decision_no', 'r.decided_on', 'r.issuer', 'r.revoked_decision_no', 'r.revoked_on', 'r.office_code'])
    .where('c.unit_id', '=', id)
    .where('c.deleted', '=', 0)
    .where('r.deleted', '=', 0)
    .orderBy('r.decided_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    decisionNo: r.decision_no,
    decidedOn: r.decided_on,
    issuer: r.issuer,
    revokedDecisionNo: r.revoked_decision_no,
    revokedOn: r.revoked_on,
    officeCode: r.office_code,
  }));
}

/** The latest quarter assessed for the unit by any office, evaluated under its own catalog and the commune's profile. */
async function lastAssessmentOf(ctx: ServiceContext, id: string): Promise<NtmHistoryAssessment | null> {
  const a = await ctx.db
    .selectFrom('ntm_assessment as a')
    .innerJoin('ntm_commune as c', 'c.id', 'a.commune_id')
    .select(['a.id', 'a.period', 'a.catalog_id', 'a.status', 'a.office_code', 'c.region', 'c.commune_group', 'c.flags_json'])
    .where('c.unit_id', '=', id)
    .where('c.deleted', '=', 0)
    .where('a.deleted', '=', 0)
    .orderBy('a.period', 'desc')
    .orderBy('a.updated_at', 'desc')
    .executeTakeFirst();
  if (!a) return null;
  const { year } = parsePeriod(a.period);
  const loaded = await loadCatalog(ctx, a.catalog_id, year);
  const files = await ctx.db.selectFrom('ntm_evidence_file').select(['indicator_code', 'file_name']).where('assessment_id', '=', a.id).where('deleted', '=', 0).execute();
  const values = await ctx.db.selectFrom('ntm_value').select(['indicator_code', 'value_json', 'manual_met', 'evidence']).where('assessment_id', '=', a.id).where('deleted', '=', 0).execute();
  const inputs = Object.fromEntries(
    values.map((v) => [v.indicator_code, inputOf(v, files.filter((f) => f.indicator_code === v.indicator_code).map((f) => f.file_name))]),
  );
  const evaluation = evaluateCommune(loaded.compiled, profileOf(a), year, inputs);
  return {
    period: a.period,
    catalogId: loaded.catalog.id,
    catalogName: loaded.catalog.name,
    status: a.status,
    metCount: evaluation.metCount,
    criteriaCount: evaluation.criteria.length,
    band: evaluation.band?.label ?? null,
    officeCode: a.office_code,
  };
}

async function historyUnit(ctx: ServiceContext, unit: Unit, link: NtmHistoryUnit['link']): Promise<NtmHistoryUnit> {
  const id = unitId('commune', unit.era, unit.code);
  return { unitCode: unit.code, fullName: unit.fullName, era: unit.era, link, recognitions: await recognitionsOf(ctx, id), lastAssessment: await lastAssessmentOf(ctx, id) };
}

/**
 * A commune's NTM records next to those of the units it is related to by the reform: a new commune's
 * predecessors (each with its share and resolution clause, its recognitions and last assessment as recorded
 * under the old unit), or an old commune's successors. Read-only: nothing recorded under an old unit is
 * rewritten; the rows are read from every office in this database (a province holds a district's bundle).
 */
export async function ntmHistory(ctx: ServiceContext, input: { unitCode: string; era?: UnitEra }): Promise<NtmHistory> {
  const era = input.era ?? (await eraOfOwnCommune(ctx, input.unitCode));
  const lineage = await unitLineage(ctx.db, input.unitCode, era);
  const direction = lineage.unit.era === 'current' ? 'predecessors' : 'successors';
  const links = direction === 'predecessors' ? lineage.predecessors : lineage.successors;
  const related: NtmHistoryUnit[] = [];
  for (const l of links) {
    related.push(await historyUnit(ctx, l.unit, { share: l.share, resolution: l.resolution, clauseText: l.clauseText }));
  }
  return { reformDate: REFORM_DATE, direction, own: await historyUnit(ctx, lineage.unit, null), related };
}

async function eraOfOwnCommune(ctx: ServiceContext, code: string): Promise<UnitEra> {
  const scope = await officeScope(ctx);
  const own = await ctx.db
    .selectFrom('ntm_commune as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .select('u.era')
    .where('c.office_code', '=', scope.officeCode)
    .where('u.code', '=', code)
    .where('u.level', '=', 'commune')
    .executeTakeFirst();
  if (own) return own.era;
  const eras = await ctx.db.selectFrom('admin_unit').select('era').where('level', '=', 'commune').where('code', '=', code).execute();
  return eras.some((e) => e.era === 'current') ? 'current' : 'before-2025-07';
}
