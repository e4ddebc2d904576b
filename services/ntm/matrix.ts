import type { NtmAtRisk, NtmLevel, NtmMatrix, NtmOverview } from '../../core/contract/ntm';
import { assessRevocationRisk, bandsFor, evaluateCommune, type CompiledCatalog } from '../../core/ntm/index';
import { parsePeriod, periodEndDate, periodsEndingAt, previousPeriod } from '../../core/ntm/period';
import type { ServiceContext } from '../context';
import { todayOf } from '../ocop/actor';
import { roundAtRisk } from '../plans/atRisk';
import { profileOf } from './assessment';
import { loadAssessmentInputs } from './assessmentInputs';
import { loadCatalog, type LoadedCatalog } from './catalogs';
import { communeRows, currentLevels, officeScope, type CommuneRow } from './communes';

type Evaluated = {
  row: CommuneRow;
  assessmentStatus: 'draft' | 'submitted' | 'locked' | null;
  statuses: string;
  metCount: number;
  band: string | null;
  bandRank: number | null;
  atRisk: boolean;
  riskMessage: string;
};

/**
 * Evaluates every commune of the office for one quarter in a handful of queries: all assessments, values and
 * evidence file names of the quarter at once, then the compiled catalog's tight loop per commune.
 */
async function evaluateQuarter(ctx: ServiceContext, communes: CommuneRow[], period: string, loaded: LoadedCatalog): Promise<Evaluated[]> {
  const { year } = parsePeriod(period);
  const ids = communes.map((c) => c.id);
  const assessments = ids.length
    ? await ctx.db
        .selectFrom('ntm_assessment')
        .select(['id', 'commune_id', 'status'])
        .where('period', '=', period)
        .where('catalog_id', '=', loaded.catalog.id)
        .where('deleted', '=', 0)
        .execute()
    : [];
  const wanted = new Set(ids);
  const byCommune = new Map(assessments.filter((a) => wanted.has(a.commune_id)).map((a) => [a.commune_id, a]));
  const values = await loadAssessmentInputs(ctx.db, [...byCommune.values()].map((a) => a.id));
  const letter = { met: 'D', not_met: 'K', undetermined: '?' } as const;
  return communes.map((row) => {
    const a = byCommune.get(row.id);
    const evaluation = evaluateCommune(loaded.compiled, profileOf(row), year, a ? (values.get(a.id) ?? {}) : {});
    const risk = assessRevocationRisk(loaded.catalog, evaluation.criteria);
    return {
      row,
      assessmentStatus: a?.status ?? null,
      statuses: evaluation.criteria.map((c) => letter[c.status]).join(''),
      metCount: evaluation.metCount,
      band: evaluation.band?.label ?? null,
      bandRank: evaluation.band?.rank ?? null,
      atRisk: risk.applicable && risk.atRisk && a !== undefined,
      riskMessage: risk.message,
    };
  });
}

export async function matrix(ctx: ServiceContext, input: { period: string; catalogId?: string }): Promise<NtmMatrix> {
  const scope = await officeScope(ctx);
  const loaded = await loadCatalog(ctx, input.catalogId, parsePeriod(input.period).year);
  const communes = await communeRows(ctx, scope);
  const levels = await currentLevels(ctx, communes.map((c) => c.id));
  const evaluated = await evaluateQuarter(ctx, communes, input.period, loaded);
  // A commune a re-assessment round put at risk is flagged too, as in the overview's list (plans/atRisk.ts).
  const byRound = new Set((await roundAtRisk(ctx, communes, periodEndDate(input.period), todayOf(ctx.now()))).map((r) => r.unitCode));
  return {
    period: input.period,
    catalog: loaded.summary,
    criteria: loaded.catalog.criteria.map((c) => ({ no: c.no, name: c.name })),
    rows: evaluated.map((e) => ({
      unitCode: e.row.code,
      name: e.row.full_name,
      level: levels.get(e.row.id) ?? null,
      statuses: e.statuses,
      metCount: e.metCount,
      band: e.band,
      atRisk: e.atRisk || byRound.has(e.row.code),
      assessmentStatus: e.assessmentStatus,
    })),
  };
}

function average(xs: number[]): number | null {
  return xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
}

async function quarterFigures(ctx: ServiceContext, communes: CommuneRow[], period: string, catalogId: string | undefined) {
  let loaded: LoadedCatalog;
  try {
    loaded = await loadCatalog(ctx, catalogId, parsePeriod(period).year);
  } catch {
    return null;
  }
  const evaluated = (await evaluateQuarter(ctx, communes, period, loaded)).filter((e) => e.assessmentStatus !== null);
  return { loaded, evaluated };
}

export async function overview(ctx: ServiceContext, input: { period: string; catalogId?: string }): Promise<NtmOverview> {
  const scope = await officeScope(ctx);
  const communes = await communeRows(ctx, scope);
  const current = await quarterFigures(ctx, communes, input.period, input.catalogId);
  const loaded = current?.loaded ?? (await loadCatalog(ctx, input.catalogId, parsePeriod(input.period).year));
  const evaluated = current?.evaluated ?? [];
  const prevPeriod = previousPeriod(input.period);
  const previous = await quarterFigures(ctx, communes, prevPeriod, input.catalogId);
  const sameCatalog = previous && previous.loaded.catalog.id === loaded.catalog.id ? previous.evaluated : [];
  const levels = await currentLevels(ctx, communes.map((c) => c.id));
  const byLevel: Record<NtmLevel, number> = { xa_ntm: 0, xa_ntm_nang_cao: 0, xa_ntm_kieu_mau: 0, xa_ntm_hien_dai: 0 };
  for (const level of levels.values()) byLevel[level]++;
  const bands = bandsFor(loaded.catalog);
  const countIn = (list: Evaluated[], minMet: number, maxMet: number) => list.filter((e) => e.metCount >= minMet && e.metCount <= maxMet).length;

  const trend: NtmOverview['trend'] = [];
  for (const p of periodsEndingAt(input.period, 8)) {
    const figures = p === input.period ? current : p === prevPeriod ? previous : await quarterFigures(ctx, communes, p, undefined);
    const list = figures?.evaluated ?? [];
    const total = figures?.loaded.compiled.criteria.length ?? 0;
    trend.push({
      period: p,
      averageMet: average(list.map((e) => e.metCount)),
      fullyMet: list.filter((e) => total > 0 && e.metCount === total).length,
      assessed: list.length,
      criteriaCount: figures && list.length > 0 ? total : null,
    });
  }

  return {
    period: input.period,
    previousPeriod: prevPeriod,
    catalog: loaded.summary,
    communeCount: communes.length,
    assessedCount: evaluated.length,
    byLevel,
    bands: bands.map((b) => ({ label: b.label, count: countIn(evaluated, b.minMet, b.maxMet), previous: countIn(sameCatalog, b.minMet, b.maxMet) })),
    averageMet: average(evaluated.map((e) => e.metCount)),
    previousAverageMet: average(sameCatalog.map((e) => e.metCount)),
    trend,
    atRisk: [
      ...evaluated.filter((e) => e.atRisk).map((e): NtmAtRisk => ({ unitCode: e.row.code, name: e.row.full_name, message: e.riskMessage, source: 'assessment', round: null })),
      // Communes a re-assessment round found must remedy or proposed for revocation, the round named (plans).
      ...(await roundAtRisk(ctx, communes, periodEndDate(input.period), todayOf(ctx.now()))),
    ],
  };
}

export type { CompiledCatalog };
