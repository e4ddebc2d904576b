import { sql } from 'kysely';
import { AppError } from '../../core/errors';
import { assessRevocationRisk, bandsFor, evaluateCommune } from '../../core/ntm/index';
import {
  assessmentQuarterOf,
  buildReportModel,
  parseReportPeriod,
  periodEnd,
  previousReportPeriod,
  reportAsOf,
  trendQuarters,
  type EvaluatedCommune,
  type NtmLevelKey,
  type QuarterEvaluation,
  type ReportInputs,
  type ReportModel,
} from '../../core/reports/index';
import { getOfficeProfile } from '../../db/office';
import type { ServiceContext } from '../context';
import { profileOf } from '../ntm/assessment';
import { loadAssessmentInputs } from '../ntm/assessmentInputs';
import { loadCatalog, type LoadedCatalog } from '../ntm/catalogs';
import { communeRows, officeScope, type CommuneRow } from '../ntm/communes';
import { todayOf } from '../ocop/actor';
import { roundAtRisk } from '../plans/atRisk';
import { planResultsForReport } from '../plans/reportSection';

export type ReportOfficeRef = { code: string; name: string; own: boolean };

/** This office, then every other office whose records were merged into this database (province mode). */
export async function reportOffices(ctx: ServiceContext): Promise<ReportOfficeRef[]> {
  const office = await getOfficeProfile(ctx.db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Chưa thiết lập văn phòng. Hãy hoàn thành bước thiết lập ban đầu.');
  const codes = new Set<string>();
  for (const table of ['ntm_commune', 'ocop_product'] as const) {
    const rows = await ctx.db.selectFrom(table).select('office_code').distinct().where('deleted', '=', 0).execute();
    rows.forEach((r) => codes.add(r.office_code));
  }
  codes.delete(office.officeCode);
  const peers = await ctx.db.selectFrom('exchange_peer').select(['office_code', 'name']).where('kind', '=', 'office_signing').execute();
  const names = new Map(peers.map((p) => [p.office_code, p.name]));
  return [
    { code: office.officeCode, name: office.officeName, own: true },
    ...[...codes].sort().map((code) => ({ code, name: names.get(code) ?? `Văn phòng ${code}`, own: false })),
  ];
}

async function resolveOffice(ctx: ServiceContext, officeCode: string | undefined): Promise<ReportOfficeRef> {
  const offices = await reportOffices(ctx);
  const found = officeCode === undefined ? offices[0] : offices.find((o) => o.code === officeCode);
  if (!found) throw new AppError('REPORT_OFFICE_UNKNOWN', `Không có số liệu của văn phòng mã "${officeCode}" trong cơ sở dữ liệu này.`, { officeCode });
  return found;
}

async function communesOf(ctx: ServiceContext, office: ReportOfficeRef): Promise<CommuneRow[]> {
  if (office.own) return communeRows(ctx, await officeScope(ctx));
  return (await ctx.db
    .selectFrom('ntm_commune as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select(['u.code', 'u.name', 'u.full_name', 'u.era'])
    .where('c.office_code', '=', office.code)
    .where('c.deleted', '=', 0)
    .orderBy('u.code')
    .execute()) as CommuneRow[];
}

async function tryCatalog(ctx: ServiceContext, quarter: string): Promise<LoadedCatalog | null> {
  try {
    return await loadCatalog(ctx, undefined, Number(quarter.slice(0, 4)));
  } catch (e) {
    if (e instanceof AppError && e.code === 'CATALOG_NOT_FOUND') return null;
    throw e;
  }
}

const LETTER = { met: 'D', not_met: 'K', undetermined: '?' } as const;

/**
 * Evaluates the assessed communes of one quarter under the catalog in force for its year: every assessment,
 * value and evidence file name of the quarter in a few queries, then the compiled catalog per commune (the same
 * rules as services/ntm/matrix.ts, for any office's rows).
 */
export async function evaluateQuarterFor(ctx: ServiceContext, communes: CommuneRow[], quarter: string): Promise<QuarterEvaluation | null> {
  const loaded = await tryCatalog(ctx, quarter);
  if (!loaded) return null;
  const year = Number(quarter.slice(0, 4));
  const byId = new Map(communes.map((c) => [c.id, c]));
  const assessments = (
    await ctx.db
      .selectFrom('ntm_assessment')
      .select(['id', 'commune_id', 'status'])
      .where('period', '=', quarter)
      .where('catalog_id', '=', loaded.catalog.id)
      .where('deleted', '=', 0)
      .execute()
  ).filter((a) => byId.has(a.commune_id));
  const values = await loadAssessmentInputs(ctx.db, assessments.map((a) => a.id));
  const evaluated: EvaluatedCommune[] = assessments.map((a) => {
    const row = byId.get(a.commune_id)!;
    const evaluation = evaluateCommune(loaded.compiled, profileOf(row), year, values.get(a.id) ?? {});
    const risk = assessRevocationRisk(loaded.catalog, evaluation.criteria);
    const atRisk = risk.applicable && risk.atRisk;
    return {
      unitCode: row.code,
      assessmentStatus: a.status,
      statuses: evaluation.criteria.map((c) => LETTER[c.status]).join(''),
      metCount: evaluation.metCount,
      band: evaluation.band?.label ?? null,
      atRisk,
      riskMessage: atRisk ? risk.message : null,
    };
  });
  evaluated.sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  return { quarter, catalogId: loaded.catalog.id, communes: evaluated };
}

async function recognitionsOf(ctx: ServiceContext, communes: CommuneRow[]): Promise<ReportInputs['recognitions']> {
  const codeOf = new Map(communes.map((c) => [c.id, c.code]));
  const rows = await ctx.db
    .selectFrom('ntm_recognition')
    .select(['commune_id', 'level', 'decided_on', 'revoked_on'])
    .where('deleted', '=', 0)
    .orderBy('decided_on')
    .execute();
  return rows
    .filter((r) => codeOf.has(r.commune_id))
    .map((r) => ({ unitCode: codeOf.get(r.commune_id)!, level: r.level as NtmLevelKey, decidedOn: r.decided_on, revokedOn: r.revoked_on }));
}

async function ocopOf(ctx: ServiceContext, officeCode: string): Promise<ReportInputs['ocop']> {
  const products = await ctx.db
    .selectFrom('ocop_product as p')
    .innerJoin('ocop_producer as r', 'r.id', 'p.producer_id')
    .leftJoin('admin_unit as u', (j) => j.onRef('u.code', '=', 'p.unit_code').on('u.level', '=', 'commune').on('u.era', '=', 'current'))
    .select(['p.id', 'p.product_code', 'p.name', 'r.name as producer_name', 'p.unit_code', 'u.full_name as unit_name'])
    .where('p.office_code', '=', officeCode)
    .where('p.deleted', '=', 0)
    .orderBy('p.product_code')
    .execute();
  const ids = new Set(products.map((p) => p.id));
  const certificates = (
    await ctx.db
      .selectFrom('ocop_certificate')
      .select(['product_id', 'number', 'issued_on', 'expires_on', 'stars', 'revoked_on'])
      .where('deleted', '=', 0)
      .orderBy('issued_on')
      .execute()
  ).filter((c) => ids.has(c.product_id));
  const events = (
    await ctx.db
      .selectFrom('ocop_product_event')
      .select(['product_id', 'to_status', 'on_date'])
      .where('deleted', '=', 0)
      .orderBy('on_date')
      // Insertion order within a day, as services/ocop lists a product's history.
      .orderBy(sql`rowid`)
      .execute()
  ).filter((e) => ids.has(e.product_id));
  return {
    products: products.map((p) => ({ id: p.id, code: p.product_code, name: p.name, producerName: p.producer_name, unitCode: p.unit_code, unitName: p.unit_name ?? p.unit_code })),
    certificates: certificates.map((c) => ({ productId: c.product_id, number: c.number, issuedOn: c.issued_on, expiresOn: c.expires_on, stars: c.stars, revokedOn: c.revoked_on })),
    events: events.map((e) => ({ productId: e.product_id, toStatus: e.to_status, onDate: e.on_date })),
  };
}

/** Gathers every figure of a report from the database and builds the model (core/reports/buildReportModel.ts). */
export async function gatherReport(ctx: ServiceContext, input: { period: string; officeCode?: string }): Promise<ReportModel> {
  const profile = await getOfficeProfile(ctx.db);
  if (!profile) throw new AppError('SETUP_REQUIRED', 'Chưa thiết lập văn phòng. Hãy hoàn thành bước thiết lập ban đầu.');
  const office = await resolveOffice(ctx, input.officeCode);
  const period = parseReportPeriod(input.period);
  const quarter = assessmentQuarterOf(period);
  const previousQuarter = assessmentQuarterOf(previousReportPeriod(period));
  const communes = await communesOf(ctx, office);
  const loaded = await tryCatalog(ctx, quarter);
  const evaluations = new Map<string, QuarterEvaluation | null>();
  const evaluationOf = async (q: string) => {
    if (!evaluations.has(q)) evaluations.set(q, await evaluateQuarterFor(ctx, communes, q));
    return evaluations.get(q)!;
  };
  const trend: { quarter: string; fullyMet: string[]; assessed: number; averageMet: number | null }[] = [];
  for (const q of trendQuarters(input.period)) {
    const e = await evaluationOf(q);
    const list = e?.communes ?? [];
    const total = e ? ((await tryCatalog(ctx, q))?.catalog.criteria.length ?? 0) : 0;
    trend.push({
      quarter: q,
      fullyMet: list.filter((c) => total > 0 && c.metCount === total).map((c) => c.unitCode),
      assessed: list.length,
      averageMet: list.length ? Math.round((list.reduce((a, c) => a + c.metCount, 0) / list.length) * 10) / 10 : null,
    });
  }
  const unit = await ctx.db.selectFrom('admin_unit').select('name').where('code', '=', profile.unitCode).where('era', '=', profile.unitEra).executeTakeFirst();
  const now = ctx.now();
  const today = todayOf(now);
  // A province report about a merged office shows that office's share of the province's targets.
  const planResults = await planResultsForReport(ctx, { year: period.year, asOf: reportAsOf(input.period, today), officeCode: office.own ? undefined : office.code });
  return buildReportModel({
    period: input.period,
    generatedAt: now.toISOString(),
    today,
    office: {
      code: profile.officeCode,
      dataOfficeCode: office.code,
      dataOfficeName: office.name,
      kind: profile.kind,
      officeName: profile.officeName,
      parentBodyName: profile.parentBodyName,
      unitName: profile.unitName,
      placeName: unit?.name ?? profile.unitName,
      provinceName: profile.provinceName,
    },
    communes: communes.map((c) => ({ code: c.code, name: c.full_name })),
    recognitions: await recognitionsOf(ctx, communes),
    catalog: loaded ? { id: loaded.catalog.id, revision: loaded.catalog.revision, name: loaded.catalog.name, decision: loaded.catalog.legalBasis.decision } : null,
    criteria: loaded ? loaded.catalog.criteria.map((c) => ({ no: c.no, name: c.name, sector: c.responsibleSector?.name ?? null })) : [],
    bands: loaded ? bandsFor(loaded.catalog).map((b) => ({ label: b.label, minMet: b.minMet, maxMet: b.maxMet })) : [],
    current: await evaluationOf(quarter),
    roundAtRisk: (await roundAtRisk(ctx, communes, periodEnd(period), today)).map((r) => ({ unitCode: r.unitCode, message: r.message })),
    previous: await evaluationOf(previousQuarter),
    trend,
    ocop: await ocopOf(ctx, office.code),
    planResults,
  });
}
