import type { NtmLevel } from '../../core/contract/ntm';
import {
  PROGRESS_STATUS_LABELS,
  type PlanDetail,
  type PlanMetric,
  type PlanProgress,
  type PlanTarget,
  type PlanTargetProgress,
  type ProgressGapItem,
  type ProgressStatus,
} from '../../core/contract/plans';
import { PRODUCT_STATUSES, type ProductStatus } from '../../core/ocop/productLifecycle';
import { NTM_LEVEL_METRICS, daysBetween, elapsedShare, metricUnit, paceOf, vnNumber } from '../../core/plans/index';
import type { ServiceContext } from '../context';
import type { CommuneRow, OfficeScope } from '../ntm/communes';
import { officeScope } from '../ntm/communes';
import { todayOf } from '../ocop/actor';
import { failingCriteria, gapText, latestEvaluations, type LatestEvaluation } from './latestEvaluations';
import { catalogCache, LEVEL_RANK, type CatalogCache } from './levelCatalog';
import { communesOfOffice, quarterOf, vnDate } from './officeCommunes';
import { getPlan } from './plans';

type Recognition = { commune_id: string; level: NtmLevel; decided_on: string; revoked_on: string | null };
type Certificate = { product_id: string; issued_on: string; expires_on: string; stars: number; revoked_on: string | null };
type Product = { id: string; product_code: string; name: string; status: string };

/** Everything about one office's communes and products that the targets count, loaded once per request. */
type OfficeFacts = {
  communes: CommuneRow[];
  recognitions: Recognition[];
  roadmap: Map<string, Map<NtmLevel, number>>;
  products: Product[];
  certificates: Certificate[];
  latestStars: Map<string, number | null>;
};

async function loadFacts(ctx: ServiceContext, scope: OfficeScope, officeCode: string | null): Promise<OfficeFacts> {
  const communes = await communesOfOffice(ctx, scope, officeCode);
  const ids = new Set(communes.map((c) => c.id));
  const recognitions = (
    await ctx.db.selectFrom('ntm_recognition').select(['commune_id', 'level', 'decided_on', 'revoked_on']).where('deleted', '=', 0).execute()
  ).filter((r) => ids.has(r.commune_id));
  const roadmap = new Map<string, Map<NtmLevel, number>>();
  const goals = await ctx.db.selectFrom('plan_roadmap').select(['commune_id', 'level', 'target_year']).where('deleted', '=', 0).execute();
  for (const g of goals) {
    if (!ids.has(g.commune_id)) continue;
    if (!roadmap.has(g.commune_id)) roadmap.set(g.commune_id, new Map());
    roadmap.get(g.commune_id)!.set(g.level, g.target_year);
  }
  const owner = officeCode ?? scope.officeCode;
  const products = await ctx.db
    .selectFrom('ocop_product')
    .select(['id', 'product_code', 'name', 'status'])
    .where('office_code', '=', owner)
    .where('deleted', '=', 0)
    .orderBy('product_code')
    .execute();
  const productIds = new Set(products.map((p) => p.id));
  const certificates = (
    await ctx.db.selectFrom('ocop_certificate').select(['product_id', 'issued_on', 'expires_on', 'stars', 'revoked_on']).where('deleted', '=', 0).execute()
  ).filter((c) => productIds.has(c.product_id));
  const evaluations = await ctx.db
    .selectFrom('ocop_evaluation')
    .select(['product_id', 'stars', 'evaluated_on'])
    .where('deleted', '=', 0)
    .where('complete', '=', 1)
    .orderBy('evaluated_on')
    .execute();
  const latestStars = new Map<string, number | null>();
  for (const e of evaluations) if (productIds.has(e.product_id)) latestStars.set(e.product_id, e.stars);
  return { communes, recognitions, roadmap, products, certificates, latestStars };
}

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);
const round1 = (n: number) => Math.round(n * 10) / 10;

function holdsAt(f: OfficeFacts, level: NtmLevel, on: string): Set<string> {
  const out = new Set<string>();
  for (const r of f.recognitions) {
    if (LEVEL_RANK[r.level] >= LEVEL_RANK[level] && r.decided_on <= on && (r.revoked_on === null || r.revoked_on > on)) out.add(r.commune_id);
  }
  return out;
}

/** Communes recognised at exactly this level within [from, to] whose recognition still stood on `to`. */
function newIn(f: OfficeFacts, level: NtmLevel, from: string, to: string): Set<string> {
  const out = new Set<string>();
  for (const r of f.recognitions) {
    if (r.level === level && r.decided_on >= from && r.decided_on <= to && (r.revoked_on === null || r.revoked_on > to)) out.add(r.commune_id);
  }
  return out;
}

const starsMatch = (metric: PlanMetric, stars: number) => metric === 'ocop_total' || metric === `ocop_${stars}`;

function certifiedIn(f: OfficeFacts, metric: PlanMetric, from: string, to: string): Set<string> {
  const out = new Set<string>();
  for (const c of f.certificates) {
    if (starsMatch(metric, c.stars) && c.issued_on >= from && c.issued_on <= to && (c.revoked_on === null || c.revoked_on > to)) out.add(c.product_id);
  }
  return out;
}

/** Products holding a certificate in force on the day: issued, not expired (36 months), not revoked. */
function validAt(f: OfficeFacts, metric: PlanMetric, on: string): Set<string> {
  const out = new Set<string>();
  for (const c of f.certificates) {
    if (starsMatch(metric, c.stars) && c.issued_on <= on && c.expires_on > on && (c.revoked_on === null || c.revoked_on > on)) out.add(c.product_id);
  }
  return out;
}

type Ctx = { ctx: ServiceContext; plan: PlanDetail; asOf: string; start: string; end: string; periodEnd: string; elapsed: number; ended: boolean; catalogs: CatalogCache };

function statusText(status: ProgressStatus, achieved: number | null, target: number, unit: string, expected: number | null): string {
  const u = unit === '%' ? '%' : ` ${unit}`;
  const base = `${PROGRESS_STATUS_LABELS[status]}: ${achieved === null ? '—' : vnNumber(achieved)}/${vnNumber(target)}${u}`;
  if (status === 'behind' && expected !== null) return `${base}; theo tiến độ đều cần khoảng ${vnNumber(expected)}${u} đến nay`;
  return base;
}

function yearEnds(c: Ctx): { year: number; on: string }[] {
  const out: { year: number; on: string }[] = [];
  for (let y = c.plan.yearFrom; y <= c.plan.yearTo && `${y}-01-01` <= c.asOf; y++) out.push({ year: y, on: minDate(`${y}-12-31`, c.asOf) });
  return out;
}

async function levelTarget(c: Ctx, t: PlanTarget, f: OfficeFacts): Promise<PlanTargetProgress> {
  const level = t.metric as NtmLevel;
  const total = f.communes.length;
  const valueAt = (on: string): number => {
    if (t.mode === 'new') return newIn(f, level, c.start, on).size;
    const held = holdsAt(f, level, on).size;
    return t.mode === 'percent' ? (total === 0 ? 0 : round1((held * 100) / total)) : held;
  };
  const achieved = valueAt(c.end);
  const baseline = t.mode === 'new' ? 0 : valueAt(dayBefore(c.start));
  const pace = paceOf({ target: t.value, achieved, baseline, elapsed: c.elapsed, ended: c.ended });
  const held = holdsAt(f, level, c.end);

  // The catalog of the plan's own time: a 2025 plan looked at in 2026 is measured under the 2021–2025 set.
  const catalog = await c.catalogs.forLevel(level, Number(c.end.slice(0, 4)));
  const pending = f.communes.filter((x) => !held.has(x.id));
  const evaluations: Map<string, LatestEvaluation> = catalog ? await latestEvaluations(c.ctx, pending, catalog, quarterOf(c.end)) : new Map();
  const gap: ProgressGapItem[] = pending.map((x) => {
    const e = evaluations.get(x.id);
    const failing = e && catalog ? failingCriteria(catalog, e.evaluation) : [];
    return {
      kind: 'commune',
      code: x.code,
      name: x.full_name,
      roadmapYear: f.roadmap.get(x.id)?.get(level) ?? null,
      metCount: e ? e.evaluation.metCount : null,
      criteriaCount: e ? e.evaluation.criteriaCount : null,
      detail: !catalog
        ? 'Chưa có bộ tiêu chí của mức này áp dụng cho kỳ kế hoạch.'
        : !e
          ? `Chưa có đánh giá theo ${catalog.catalog.name}.`
          : failing.length === 0
            ? 'Đạt đủ tiêu chí theo tự đánh giá; chờ thẩm định, công nhận.'
            : `Còn thiếu: ${gapText(failing)}`,
    };
  });
  const inPeriod = (y: number | null) => y !== null && y >= c.plan.yearFrom && y <= c.plan.yearTo;
  gap.sort((a, b) => Number(inPeriod(b.roadmapYear)) - Number(inPeriod(a.roadmapYear)) || (a.roadmapYear ?? 9999) - (b.roadmapYear ?? 9999) || (b.metCount ?? -1) - (a.metCount ?? -1) || a.code.localeCompare(b.code));
  const planned = gap.filter((g) => inPeriod(g.roadmapYear)).length;
  let text = statusText(pace.status, achieved, t.value, metricUnit(t.metric, t.mode), pace.expected);
  if (pace.status === 'on_track' || pace.status === 'behind') {
    const needCommunes = t.mode === 'percent' ? Math.ceil((t.value * total) / 100) - held.size : Math.ceil(t.value - achieved);
    if (planned < needCommunes) text += `; các xã đăng ký lộ trình trong kỳ (${planned}) chưa đủ, còn thiếu ${needCommunes - planned} xã`;
  }
  return {
    target: t,
    unit: metricUnit(t.metric, t.mode),
    achieved,
    achievedInPeriod: newIn(f, level, c.start, c.end).size,
    cumulative: held.size,
    expectedByNow: round1(pace.expected),
    remaining: Math.max(0, round1(t.value - achieved)),
    status: pace.status,
    statusText: text,
    plannedInRoadmap: planned,
    source: 'computed',
    gap,
    series: yearEnds(c).map((y) => ({ year: y.year, value: valueAt(y.on) })),
  };
}

function ocopTarget(c: Ctx, t: PlanTarget, f: OfficeFacts): PlanTargetProgress {
  const valueAt = (on: string) => (t.mode === 'new' ? certifiedIn(f, t.metric, c.start, on).size : validAt(f, t.metric, on).size);
  const achieved = valueAt(c.end);
  const baseline = t.mode === 'new' ? 0 : valueAt(dayBefore(c.start));
  const pace = paceOf({ target: t.value, achieved, baseline, elapsed: c.elapsed, ended: c.ended });
  const valid = validAt(f, t.metric, c.end);
  const minStars = t.metric === 'ocop_total' ? 3 : Number(t.metric.slice(5));
  const gap: ProgressGapItem[] = [];
  for (const p of f.products) {
    const stars = f.latestStars.get(p.id) ?? null;
    const status = PRODUCT_STATUSES[p.status as ProductStatus] ?? p.status;
    if (valid.has(p.id)) {
      // Lũy kế loses a product whose certificate runs out before the period ends.
      const expiring = f.certificates.find((x) => x.product_id === p.id && x.expires_on > c.end && x.expires_on <= c.periodEnd && x.revoked_on === null);
      if (t.mode === 'cumulative' && expiring) {
        gap.push({ kind: 'product', code: p.product_code, name: p.name, roadmapYear: null, metCount: null, criteriaCount: null, detail: `Giấy chứng nhận hết hạn ${vnDate(expiring.expires_on)}, trước cuối kỳ: cần đánh giá lại.` });
      }
      continue;
    }
    if (p.status === 'revoked' || p.status === 'not_recognized') continue;
    if (stars !== null && stars < minStars) continue;
    gap.push({
      kind: 'product',
      code: p.product_code,
      name: p.name,
      roadmapYear: null,
      metCount: null,
      criteriaCount: null,
      detail: `${status}${stars !== null ? `; lần chấm gần nhất ${stars} sao` : ''}`,
    });
  }
  return {
    target: t,
    unit: metricUnit(t.metric, t.mode),
    achieved,
    achievedInPeriod: certifiedIn(f, t.metric, c.start, c.end).size,
    cumulative: valid.size,
    expectedByNow: round1(pace.expected),
    remaining: Math.max(0, round1(t.value - achieved)),
    status: pace.status,
    statusText: statusText(pace.status, achieved, t.value, metricUnit(t.metric, t.mode), pace.expected),
    plannedInRoadmap: null,
    source: 'computed',
    gap,
    series: yearEnds(c).map((y) => ({ year: y.year, value: valueAt(y.on) })),
  };
}

function manualTarget(c: Ctx, t: PlanTarget): PlanTargetProgress {
  const achieved = t.achievedManual;
  const unit = metricUnit(t.metric, t.mode);
  let status: ProgressStatus = 'unknown';
  let expected: number | null = null;
  if (achieved !== null) {
    if (t.mode === 'new') {
      const pace = paceOf({ target: t.value, achieved, baseline: 0, elapsed: c.elapsed, ended: c.ended });
      status = pace.status;
      expected = round1(pace.expected);
    } else status = achieved >= t.value ? 'achieved' : c.ended ? 'missed' : 'unknown';
  }
  return {
    target: t,
    unit,
    achieved,
    achievedInPeriod: t.mode === 'new' ? achieved : null,
    cumulative: t.mode === 'cumulative' ? achieved : null,
    expectedByNow: expected,
    remaining: achieved === null ? null : Math.max(0, round1(t.value - achieved)),
    status,
    statusText: achieved === null ? 'Chưa nhập kết quả (thôn, bản không có trong số liệu của ứng dụng).' : `${statusText(status, achieved, t.value, unit, expected)} (số liệu nhập tay)`,
    plannedInRoadmap: null,
    source: 'manual',
    gap: [],
    series: [],
  };
}

async function criteriaTarget(c: Ctx, t: PlanTarget, f: OfficeFacts): Promise<PlanTargetProgress> {
  const evaluate = async (on: string) => {
    const catalog = await c.catalogs.forLevel('xa_ntm', Number(on.slice(0, 4)));
    if (!catalog) return null;
    return { catalog, evaluations: await latestEvaluations(c.ctx, f.communes, catalog, quarterOf(on)) };
  };
  const figure = (e: Map<string, LatestEvaluation>): number | null => {
    const counts = [...e.values()].map((x) => x.evaluation.metCount);
    if (counts.length === 0) return null;
    return t.metric === 'avg_criteria' ? round1(counts.reduce((a, b) => a + b, 0) / counts.length) : Math.min(...counts);
  };
  const now = await evaluate(c.end);
  const achieved = now ? figure(now.evaluations) : null;
  const unassessed = now ? f.communes.filter((x) => !now.evaluations.has(x.id)) : f.communes;
  const gap: ProgressGapItem[] = [];
  if (now) {
    for (const x of f.communes) {
      const e = now.evaluations.get(x.id);
      if (e && e.evaluation.metCount >= t.value) continue;
      gap.push({
        kind: 'commune',
        code: x.code,
        name: x.full_name,
        roadmapYear: f.roadmap.get(x.id)?.get('xa_ntm') ?? null,
        metCount: e ? e.evaluation.metCount : null,
        criteriaCount: e ? e.evaluation.criteriaCount : null,
        detail: e ? `Đạt ${e.evaluation.metCount}/${e.evaluation.criteriaCount} (${e.period}); còn thiếu: ${gapText(failingCriteria(now.catalog, e.evaluation))}` : `Chưa có đánh giá theo ${now.catalog.catalog.name}.`,
      });
    }
    // Communes below the level first (lowest first), then those with no assessment yet.
    gap.sort((a, b) => (a.metCount ?? Infinity) - (b.metCount ?? Infinity) || a.code.localeCompare(b.code));
  }
  let status: ProgressStatus;
  if (achieved === null) status = 'unknown';
  else if (achieved >= t.value && (t.metric === 'avg_criteria' || unassessed.length === 0)) status = 'achieved';
  else if (achieved >= t.value) status = 'unknown';
  else status = c.ended ? 'missed' : 'behind';
  const unit = metricUnit(t.metric, t.mode);
  let text = statusText(status, achieved, t.value, unit, null);
  if (t.metric === 'min_criteria' && achieved !== null) text = `${PROGRESS_STATUS_LABELS[status]}: xã thấp nhất đạt ${vnNumber(achieved)} tiêu chí; ${gap.filter((g) => g.metCount !== null).length} xã dưới ${vnNumber(t.value)} tiêu chí`;
  if (unassessed.length > 0 && now) text += `; ${unassessed.length} xã chưa có đánh giá`;
  const series: { year: number; value: number | null }[] = [];
  for (const y of yearEnds(c)) {
    const e = await evaluate(y.on);
    series.push({ year: y.year, value: e ? figure(e.evaluations) : null });
  }
  return {
    target: t,
    unit,
    achieved,
    achievedInPeriod: null,
    cumulative: achieved,
    expectedByNow: null,
    remaining: achieved === null ? null : Math.max(0, round1(t.value - achieved)),
    status,
    statusText: text,
    plannedInRoadmap: null,
    source: 'computed',
    gap,
    series,
  };
}

/** Progress of one plan on a day: each target against what the records show. */
export async function progressOf(ctx: ServiceContext, plan: PlanDetail, asOf: string): Promise<PlanProgress> {
  const scope = await officeScope(ctx);
  const start = `${plan.yearFrom}-01-01`;
  const periodEnd = `${plan.yearTo}-12-31`;
  const c: Ctx = {
    ctx,
    plan,
    asOf,
    start,
    end: minDate(asOf, periodEnd),
    periodEnd,
    elapsed: elapsedShare(start, periodEnd, asOf),
    ended: daysBetween(periodEnd, asOf) >= 0,
    catalogs: catalogCache(ctx),
  };
  const facts = new Map<string, OfficeFacts>();
  const factsFor = async (officeCode: string | null) => {
    const key = officeCode ?? '';
    if (!facts.has(key)) facts.set(key, await loadFacts(ctx, scope, officeCode));
    return facts.get(key)!;
  };
  // A plan merged from another office's bundle (province mode) counts that office's records.
  const area = plan.officeCode === scope.officeCode ? null : plan.officeCode;
  const targets: PlanTargetProgress[] = [];
  for (const t of plan.targets) {
    const office = t.officeCode ?? area;
    if (t.metric === 'thon_ntm') targets.push(manualTarget(c, t));
    else if ((NTM_LEVEL_METRICS as readonly string[]).includes(t.metric)) targets.push(await levelTarget(c, t, await factsFor(office)));
    else if (t.metric === 'avg_criteria' || t.metric === 'min_criteria') targets.push(await criteriaTarget(c, t, await factsFor(office)));
    else targets.push(ocopTarget(c, t, await factsFor(office)));
  }
  return { plan, asOf, elapsed: Math.round(c.elapsed * 1000) / 1000, targets };
}

/** One plan by id, or every plan of the office whose period covers the year. */
export async function planProgress(ctx: ServiceContext, input: { planId?: string; year?: number; asOf?: string }): Promise<PlanProgress[]> {
  const asOf = input.asOf ?? todayOf(ctx.now());
  if (input.planId) return [await progressOf(ctx, await getPlan(ctx, input.planId), asOf)];
  const year = input.year ?? Number(asOf.slice(0, 4));
  const scope = await officeScope(ctx);
  const ids = await ctx.db
    .selectFrom('plan')
    .select('id')
    .where('office_code', '=', scope.officeCode)
    .where('deleted', '=', 0)
    .where('year_from', '<=', year)
    .where('year_to', '>=', year)
    .orderBy('year_from', 'desc')
    .orderBy('document_date')
    .execute();
  const out: PlanProgress[] = [];
  for (const { id } of ids) out.push(await progressOf(ctx, await getPlan(ctx, id), asOf));
  return out;
}
