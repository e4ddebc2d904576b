import { PRODUCT_STATUSES, type ProductStatus } from '../ocop/productLifecycle';
import type { PlanReportSection } from '../plans/reportSection';
import {
  LEVEL_LABELS,
  LEVEL_ORDER,
  LEVEL_RANK,
  REPORT_MODEL_FORMAT,
  REPORT_MODEL_FORMAT_VERSION,
  figureOf,
  type Figure,
  type LevelKey,
  type NtmLevelKey,
  type ReportCommuneRow,
  type ReportModel,
  type ReportProductRow,
} from './model';
import {
  assessmentQuarterOf,
  parseReportPeriod,
  periodEnd,
  periodStart,
  previousReportPeriod,
  quarterEnd,
  quartersEndingAt,
  reportPeriodLabel,
} from './period';
import { addMonthsIso } from './vnFormat';

/** One commune's evaluation in a quarter (only communes with an assessment are listed). */
export type EvaluatedCommune = {
  readonly unitCode: string;
  readonly assessmentStatus: 'draft' | 'submitted' | 'locked';
  readonly statuses: string;
  readonly metCount: number;
  readonly band: string | null;
  readonly atRisk: boolean;
  readonly riskMessage: string | null;
};

export type QuarterEvaluation = { readonly quarter: string; readonly catalogId: string; readonly communes: readonly EvaluatedCommune[] };

export type ReportInputs = {
  readonly period: string;
  readonly generatedAt: string;
  /** Today in Việt Nam; the figures are counted at the period's end or today, whichever is earlier. */
  readonly today: string;
  readonly office: ReportModel['office'];
  readonly communes: readonly { readonly code: string; readonly name: string }[];
  readonly recognitions: readonly { readonly unitCode: string; readonly level: NtmLevelKey; readonly decidedOn: string; readonly revokedOn: string | null }[];
  readonly catalog: ReportModel['ntm']['catalog'];
  readonly criteria: ReportModel['ntm']['criteria'];
  readonly bands: readonly { readonly label: string; readonly minMet: number; readonly maxMet: number }[];
  readonly current: QuarterEvaluation | null;
  /**
   * Communes a re-assessment round put at risk by the period's end ("phải khắc phục", "đề nghị thu hồi":
   * services/plans/atRisk.ts), with the round's message; they count at risk whether or not assessed this quarter.
   */
  readonly roundAtRisk?: readonly { readonly unitCode: string; readonly message: string }[];
  /** The previous period's quarter; the builder ignores it when it was made under another catalog. */
  readonly previous: QuarterEvaluation | null;
  /** Communes meeting every criterion, per quarter of the 8-quarter trend ending at the assessment quarter. */
  readonly trend: readonly { readonly quarter: string; readonly fullyMet: readonly string[]; readonly assessed: number; readonly averageMet: number | null }[];
  readonly ocop: {
    readonly products: readonly { readonly id: string; readonly code: string; readonly name: string; readonly producerName: string; readonly unitCode: string; readonly unitName: string }[];
    readonly certificates: readonly {
      readonly productId: string;
      readonly number: string;
      readonly issuedOn: string;
      readonly expiresOn: string;
      readonly stars: number;
      readonly revokedOn: string | null;
    }[];
    /** Status changes in the order they happened, per product. */
    readonly events: readonly { readonly productId: string; readonly toStatus: string; readonly onDate: string }[];
  };
  /** "Kết quả so với kế hoạch", measured at reportAsOf(period, today) by services/plans. */
  readonly planResults: PlanReportSection;
};

/** Statuses of a dossier still on its way (QĐ 26/2026/QĐ-TTg, Điều 7): registered up to the council's scoring. */
export const OCOP_IN_PROGRESS: readonly ProductStatus[] = ['registered', 'commune_review', 'sent_to_province', 'evaluating', 're_evaluating', 'upgrading'];

/** The horizon for "certificates expiring soon" named by the issue: 6 months after the as-of date. */
export const OCOP_EXPIRY_HORIZON_MONTHS = 6;

function levelsAt(inputs: ReportInputs, date: string): Map<string, NtmLevelKey> {
  const out = new Map<string, NtmLevelKey>();
  for (const r of inputs.recognitions) {
    if (r.decidedOn > date || (r.revokedOn !== null && r.revokedOn <= date)) continue;
    const prev = out.get(r.unitCode);
    if (!prev || LEVEL_RANK[r.level] > LEVEL_RANK[prev]) out.set(r.unitCode, r.level);
  }
  return out;
}

function average(list: readonly EvaluatedCommune[]): number | null {
  if (list.length === 0) return null;
  return Math.round((list.reduce((a, c) => a + c.metCount, 0) / list.length) * 10) / 10;
}

const communeFigure = (codes: Iterable<string>) => figureOf('commune', codes);
const productFigure = (ids: Iterable<string>) => figureOf('product', ids);

type CertificateInput = ReportInputs['ocop']['certificates'][number];

/** The certificate in force for each product at a date: valid, not revoked, the most recently issued. */
function certificatesAt(inputs: ReportInputs, date: string): Map<string, CertificateInput> {
  const out = new Map<string, CertificateInput>();
  for (const c of inputs.ocop.certificates) {
    if (c.issuedOn > date || c.expiresOn < date || (c.revokedOn !== null && c.revokedOn <= date)) continue;
    const prev = out.get(c.productId);
    if (!prev || c.issuedOn > prev.issuedOn) out.set(c.productId, c);
  }
  return out;
}

function statusesAt(inputs: ReportInputs, date: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of inputs.ocop.events) if (e.onDate <= date) out.set(e.productId, e.toStatus);
  return out;
}

function buildNtm(inputs: ReportInputs, dates: { start: string; asOf: string; previousAsOf: string }): ReportModel['ntm'] {
  const codes = inputs.communes.map((c) => c.code);
  const now = levelsAt(inputs, dates.asOf);
  const before = levelsAt(inputs, dates.previousAsOf);
  const levelOf = (map: Map<string, NtmLevelKey>, code: string): LevelKey => map.get(code) ?? 'none';
  const levels = LEVEL_ORDER.map((level) => ({
    level,
    label: LEVEL_LABELS[level],
    current: communeFigure(codes.filter((c) => levelOf(now, c) === level)),
    previous: communeFigure(codes.filter((c) => levelOf(before, c) === level)),
  }));
  const managed = new Set(codes);
  const inPeriod = (d: string | null) => d !== null && d >= dates.start && d <= dates.asOf;
  const recognizedInPeriod = new Set(inputs.recognitions.filter((r) => managed.has(r.unitCode) && inPeriod(r.decidedOn)).map((r) => r.unitCode));
  const revokedInPeriod = new Set(inputs.recognitions.filter((r) => managed.has(r.unitCode) && inPeriod(r.revokedOn)).map((r) => r.unitCode));

  const current = (inputs.current?.communes ?? []).filter((c) => managed.has(c.unitCode));
  const currentAtRisk = new Set(current.filter((c) => c.atRisk).map((c) => c.unitCode));
  const roundRisk = new Map<string, string>();
  for (const r of inputs.roundAtRisk ?? []) if (managed.has(r.unitCode)) roundRisk.set(r.unitCode, [roundRisk.get(r.unitCode), r.message].filter(Boolean).join(' '));
  const sameCatalog = inputs.previous !== null && inputs.current !== null && inputs.previous.catalogId === inputs.current.catalogId;
  const previous = sameCatalog ? inputs.previous!.communes.filter((c) => managed.has(c.unitCode)) : [];
  const byCode = new Map(current.map((c) => [c.unitCode, c]));

  const bands = inputs.bands.map((b) => {
    const within = (list: readonly EvaluatedCommune[]) => list.filter((c) => c.metCount >= b.minMet && c.metCount <= b.maxMet).map((c) => c.unitCode);
    return { label: b.label, minMet: b.minMet, maxMet: b.maxMet, current: communeFigure(within(current)), previous: sameCatalog ? communeFigure(within(previous)) : null };
  });

  const criteriaNotMet = inputs.criteria.map((criterion, i) => ({
    ...criterion,
    notMet: communeFigure(current.filter((c) => c.statuses[i] === 'K').map((c) => c.unitCode)),
    undetermined: communeFigure(current.filter((c) => c.statuses[i] === '?').map((c) => c.unitCode)),
  }));

  const rows: ReportCommuneRow[] = inputs.communes.map((c) => {
    const e = byCode.get(c.code);
    const round = roundRisk.get(c.code);
    const messages = [e?.atRisk ? e.riskMessage : null, round ?? null].filter((m): m is string => m !== null && m !== '');
    return {
      unitCode: c.code,
      name: c.name,
      level: levelOf(now, c.code),
      assessmentStatus: e?.assessmentStatus ?? null,
      statuses: e?.statuses ?? '',
      metCount: e?.metCount ?? null,
      band: e?.band ?? null,
      atRisk: (e?.atRisk ?? false) || round !== undefined,
      riskMessage: messages.length > 0 ? messages.join(' ') : null,
    };
  });

  const trend = inputs.trend.map((t) => {
    const end = quarterEnd(t.quarter) < dates.asOf ? quarterEnd(t.quarter) : dates.asOf;
    const held = levelsAt(inputs, end);
    return {
      quarter: t.quarter,
      recognized: communeFigure(codes.filter((c) => held.has(c))),
      fullyMet: communeFigure(t.fullyMet.filter((c) => managed.has(c))),
      assessed: t.assessed,
      averageMet: t.averageMet,
    };
  });

  return {
    catalog: inputs.catalog,
    criteria: inputs.criteria,
    communes: communeFigure(codes),
    levels,
    recognized: { current: communeFigure(codes.filter((c) => now.has(c))), previous: communeFigure(codes.filter((c) => before.has(c))) },
    recognizedInPeriod: communeFigure(codes.filter((c) => recognizedInPeriod.has(c))),
    revokedInPeriod: communeFigure(codes.filter((c) => revokedInPeriod.has(c))),
    assessed: communeFigure(current.map((c) => c.unitCode)),
    previousAssessed: communeFigure(previous.map((c) => c.unitCode)),
    bands,
    averageMet: average(current),
    previousAverageMet: sameCatalog ? average(previous) : null,
    criteriaNotMet,
    atRisk: communeFigure(codes.filter((c) => currentAtRisk.has(c) || roundRisk.has(c))),
    rows,
    trend,
  };
}

function buildOcop(inputs: ReportInputs, dates: { start: string; asOf: string; previousAsOf: string }): ReportModel['ocop'] {
  const horizonEnd = addMonthsIso(dates.asOf, OCOP_EXPIRY_HORIZON_MONTHS);
  const now = certificatesAt(inputs, dates.asOf);
  const before = certificatesAt(inputs, dates.previousAsOf);
  const statuses = statusesAt(inputs, dates.asOf);
  const issuedInPeriod = new Map<string, number>();
  for (const c of inputs.ocop.certificates) {
    if (c.issuedOn < dates.start || c.issuedOn > dates.asOf) continue;
    issuedInPeriod.set(c.productId, Math.max(issuedInPeriod.get(c.productId) ?? 0, c.stars));
  }
  const expiring = new Set([...now.values()].filter((c) => c.expiresOn > dates.asOf && c.expiresOn <= horizonEnd).map((c) => c.productId));
  const inProgress = new Set([...statuses].filter(([, s]) => (OCOP_IN_PROGRESS as readonly string[]).includes(s)).map(([id]) => id));
  // Products registered after the as-of date are not part of this report.
  const existed = new Set([...statuses.keys(), ...inputs.ocop.certificates.filter((c) => c.issuedOn <= dates.asOf).map((c) => c.productId)]);
  const products = inputs.ocop.products.filter((p) => existed.has(p.id));
  const ids = products.map((p) => p.id);

  const rows: ReportProductRow[] = products.map((p) => {
    const cert = now.get(p.id) ?? null;
    const status = statuses.get(p.id) ?? null;
    return {
      ...p,
      stars: cert?.stars ?? null,
      certificateNo: cert?.number ?? null,
      issuedOn: cert?.issuedOn ?? null,
      expiresOn: cert?.expiresOn ?? null,
      status,
      statusLabel: status ? (PRODUCT_STATUSES[status as ProductStatus] ?? status) : null,
      newInPeriod: issuedInPeriod.has(p.id),
      expiringSoon: expiring.has(p.id),
      inProgress: inProgress.has(p.id),
    };
  });
  const withStars = (map: Map<string, CertificateInput>, stars: number) => ids.filter((id) => map.get(id)?.stars === stars);
  const byStars = ([3, 4, 5] as const).map((stars) => ({
    stars,
    current: productFigure(withStars(now, stars)),
    previous: productFigure(withStars(before, stars)),
    newInPeriod: productFigure(ids.filter((id) => issuedInPeriod.get(id) === stars)),
    expiringSoon: productFigure(ids.filter((id) => expiring.has(id) && now.get(id)?.stars === stars)),
  }));
  const inProgressByStatus = OCOP_IN_PROGRESS.map((status) => ({
    status,
    label: PRODUCT_STATUSES[status],
    figure: productFigure(ids.filter((id) => statuses.get(id) === status)),
  }));
  return {
    horizonEnd,
    byStars,
    total: productFigure(ids.filter((id) => now.has(id))),
    previousTotal: productFigure(ids.filter((id) => before.has(id))),
    newInPeriod: productFigure(ids.filter((id) => issuedInPeriod.has(id))),
    expiringSoon: productFigure(ids.filter((id) => expiring.has(id))),
    inProgress: productFigure(ids.filter((id) => inProgress.has(id))),
    inProgressByStatus,
    rows,
  };
}

/** The date a report's figures are counted at: the period's last day, or today if earlier. */
export function reportAsOf(period: string, today: string): string {
  const end = periodEnd(parseReportPeriod(period));
  return today < end ? today : end;
}

/** Builds the report model from gathered rows: pure, so the figures are tested without a database. */
export function buildReportModel(inputs: ReportInputs): ReportModel {
  const period = parseReportPeriod(inputs.period);
  const previous = previousReportPeriod(period);
  const end = periodEnd(period);
  const dates = {
    start: periodStart(period),
    asOf: reportAsOf(inputs.period, inputs.today),
    previousAsOf: periodEnd(previous),
  };
  return {
    format: REPORT_MODEL_FORMAT,
    formatVersion: REPORT_MODEL_FORMAT_VERSION,
    period: period.id,
    periodKind: period.kind,
    periodLabel: reportPeriodLabel(period),
    periodStart: dates.start,
    periodEnd: end,
    asOf: dates.asOf,
    previousPeriod: previous.id,
    previousPeriodLabel: reportPeriodLabel(previous),
    previousAsOf: dates.previousAsOf,
    assessmentQuarter: assessmentQuarterOf(period),
    previousAssessmentQuarter: assessmentQuarterOf(previous),
    generatedAt: inputs.generatedAt,
    office: inputs.office,
    ntm: buildNtm(inputs, dates),
    ocop: buildOcop(inputs, dates),
    planResults: inputs.planResults,
  };
}

/** The 8 quarters of the trend chart. */
export function trendQuarters(period: string): string[] {
  return quartersEndingAt(assessmentQuarterOf(parseReportPeriod(period)), 8);
}

/** Every figure's ids resolve to a commune row or a product row of the model (a check for tests and imports). */
export function unresolvedIds(model: ReportModel, figure: Figure): string[] {
  const known = figure.kind === 'commune' ? new Set(model.ntm.rows.map((r) => r.unitCode)) : new Set(model.ocop.rows.map((r) => r.id));
  return figure.ids.filter((id) => !known.has(id));
}
