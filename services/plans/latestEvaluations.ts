import { evaluateCommune, type CommuneEvaluation } from '../../core/ntm/index';
import type { CriterionGap } from '../../core/contract/plans';
import type { ServiceContext } from '../context';
import { profileOf } from '../ntm/assessment';
import { loadAssessmentInputs } from '../ntm/assessmentInputs';
import type { LoadedCatalog } from '../ntm/catalogs';
import type { CommuneRow } from '../ntm/communes';

export type LatestEvaluation = {
  assessmentId: string;
  period: string;
  status: 'draft' | 'submitted' | 'locked';
  evaluation: CommuneEvaluation;
};

/**
 * Each commune's latest self-assessment under one catalog, up to a quarter (inclusive), evaluated. A commune
 * with none is absent from the map: "chưa đánh giá" is not the same as "không đạt".
 */
export async function latestEvaluations(
  ctx: ServiceContext,
  communes: readonly CommuneRow[],
  loaded: LoadedCatalog,
  uptoPeriod: string,
): Promise<Map<string, LatestEvaluation>> {
  const byId = new Map(communes.map((c) => [c.id, c]));
  const out = new Map<string, LatestEvaluation>();
  if (communes.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('ntm_assessment')
    .select(['id', 'commune_id', 'period', 'status'])
    .where('catalog_id', '=', loaded.catalog.id)
    .where('period', '<=', uptoPeriod)
    .where('deleted', '=', 0)
    .orderBy('period', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (byId.has(r.commune_id) && !latest.has(r.commune_id)) latest.set(r.commune_id, r);
  const ids = [...latest.values()].map((a) => a.id);
  const inputs = await loadAssessmentInputs(ctx.db, ids);
  for (const [communeId, a] of latest) {
    const commune = byId.get(communeId)!;
    const year = Number(a.period.slice(0, 4));
    out.set(communeId, {
      assessmentId: a.id,
      period: a.period,
      status: a.status,
      evaluation: evaluateCommune(loaded.compiled, profileOf(commune), year, inputs.get(a.id) ?? {}),
    });
  }
  return out;
}

/** The criteria an evaluation does not show as met, with the sector the catalog makes responsible. */
export function failingCriteria(loaded: LoadedCatalog, evaluation: CommuneEvaluation): CriterionGap[] {
  return evaluation.criteria
    .filter((c) => c.status !== 'met')
    .map((c) => ({
      no: c.no,
      name: c.name,
      sector: loaded.catalog.criteria.find((x) => x.no === c.no)?.responsibleSector?.name ?? null,
      status: c.status === 'not_met' ? ('not_met' as const) : ('undetermined' as const),
    }));
}

/** "3. Thủy lợi; 10. Thu nhập (chưa xác định)". */
export function gapText(gaps: readonly CriterionGap[]): string {
  return gaps.map((g) => `${g.no}. ${g.name}${g.status === 'undetermined' ? ' (chưa xác định)' : ''}`).join('; ');
}
