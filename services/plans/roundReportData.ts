import type { ComparisonIndicator, RoundComparison, RoundDetail, SourceCell } from '../../core/contract/plans';
import type { ServiceContext } from '../context';
import { compare } from './findings';
import { getRound } from './rounds';

export const UNKNOWN_SECTOR = 'Chưa xác định ngành phụ trách';

const STATUS_LABELS: Record<SourceCell['status'], string> = {
  met: 'Đạt',
  not_met: 'Không đạt',
  needs_manual: 'Cần minh chứng',
  missing_value: 'Chưa có số liệu',
};

/** One side of a discrepancy: who said it, the value as the indicator reads, whether it is met, and the evidence. */
export type DiscrepancySide = {
  /** "Xã tự đánh giá (2019-Q4)", "Đoàn thẩm định", "Ngành: Sở Tài nguyên và Môi trường". */
  label: string;
  value: string;
  status: SourceCell['status'] | null;
  statusLabel: string;
  evidence: string;
};

/** One indicator of one commune where the team's or a sector's finding disagrees with the self-assessment. */
export type Discrepancy = {
  unitCode: string;
  communeName: string;
  catalogName: string;
  criterionNo: number;
  criterionName: string;
  indicatorCode: string;
  indicatorText: string;
  /** The sector responsible for the criterion (the catalog's, or the office's own). */
  sector: string;
  /** Whose finding disagrees: the inter-sector team (đoàn thẩm định) or a sector (ngành). */
  source: 'team' | 'sector';
  self: DiscrepancySide;
  other: DiscrepancySide;
  /** The criterion was self-assessed met and the team found it not met ("chưa thực sự khách quan"). */
  overstated: boolean;
};

export type CommuneCount = {
  unitCode: string;
  name: string;
  catalogName: string | null;
  selfPeriod: string | null;
  selfMet: number | null;
  teamMet: number | null;
  criteriaCount: number | null;
  /** Indicators the team judged. */
  teamJudged: number;
  team: number;
  sector: number;
  overstated: number;
};

/** Discrepant indicators per criterion (team / sectors), the communes they are in, and the communes where it was overstated. */
export type CriterionCount = { no: number; name: string; sector: string; team: number; sectorFindings: number; communes: number; overstated: number };
/** The same per responsible sector, with the criteria concerned. */
export type SectorCount = { sector: string; team: number; sectorFindings: number; criteria: number; communes: number; overstated: number };

export type RoundReportData = {
  round: RoundDetail;
  discrepancies: Discrepancy[];
  communes: CommuneCount[];
  criteria: CriterionCount[];
  sectors: SectorCount[];
  totals: {
    /** Indicators where the team's finding differs (the round's differenceCount). */
    team: number;
    /** Indicators where a sector's finding differs. */
    sector: number;
    /** Communes with at least one discrepancy of either kind. */
    communes: number;
    /** Criteria self-assessed met that the team found not met (the round's overstatedCount). */
    overstated: number;
    /** Communes the team has judged at least one indicator of. */
    communesJudged: number;
  };
};

function valueText(cell: SourceCell | null, indicator: ComparisonIndicator): string {
  if (!cell || cell.value === null) return '';
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') {
    const n = v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
    return indicator.valueKind === 'percent' ? `${n}%` : indicator.unit ? `${n} ${indicator.unit}` : n;
  }
  return indicator.choices?.find((c) => c.value === v)?.label ?? v;
}

function evidenceText(cell: SourceCell | null): string {
  if (!cell) return '';
  return [cell.evidence?.trim() || null, cell.files.length ? `Tệp: ${cell.files.map((f) => f.fileName).join(', ')}` : null].filter(Boolean).join('; ');
}

function side(label: string, cell: SourceCell | null, indicator: ComparisonIndicator, missing: string): DiscrepancySide {
  return { label, value: valueText(cell, indicator), status: cell?.status ?? null, statusLabel: cell ? STATUS_LABELS[cell.status] : missing, evidence: evidenceText(cell) };
}

/** The discrepancies of one commune's comparison: the team's (as the round counts them) and the sectors'. */
export function discrepanciesOf(view: RoundComparison): Discrepancy[] {
  const criteria = new Map(view.criteria.map((c) => [c.no, c]));
  const selfLabel = view.selfAssessment ? `Xã tự đánh giá (${view.selfAssessment.period})` : 'Xã tự đánh giá';
  const out: Discrepancy[] = [];
  for (const i of view.indicators) {
    const c = criteria.get(i.criterionNo);
    const base = {
      unitCode: view.unitCode,
      communeName: view.communeName,
      catalogName: view.catalog.name,
      criterionNo: i.criterionNo,
      criterionName: c?.name ?? '',
      indicatorCode: i.code,
      indicatorText: i.text,
      sector: c?.responsibleSector ?? UNKNOWN_SECTOR,
      self: side(selfLabel, i.self, i, 'Chưa tự đánh giá'),
      overstated: c?.overstated ?? false,
    };
    // The team's as the comparison marks it (its status is not the self-assessment's); a sector's once it decides
    // the indicator (met or not met), as the per-sector view counts it.
    if (i.differs && i.team) out.push({ ...base, source: 'team', other: side('Đoàn thẩm định', i.team, i, '') });
    if (i.sector && (i.sector.status === 'met' || i.sector.status === 'not_met') && i.sector.status !== (i.self?.status ?? 'missing_value')) {
      out.push({ ...base, source: 'sector', other: side(`Ngành: ${i.sector.sector ?? ''}`.trim(), i.sector, i, '') });
    }
  }
  return out;
}

/**
 * Everything the round's report says: the round with its items and outcomes, every discrepancy between the
 * communes' self-assessments and the team's or the sectors' findings, and the counts per commune, criterion and
 * sector. Communes nobody has judged are counted with no discrepancy.
 */
export async function roundReportData(ctx: ServiceContext, roundId: string): Promise<RoundReportData> {
  const round = await getRound(ctx, roundId);
  const findings = await ctx.db
    .selectFrom('plan_finding')
    .select(['commune_id', 'source', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', '=', round.id)
    .where('deleted', '=', 0)
    .groupBy(['commune_id', 'source'])
    .execute();
  const judged = new Set(findings.map((f) => f.commune_id));
  const communeIds = new Map(
    (
      await ctx.db
        .selectFrom('plan_round_item')
        .select(['id', 'subject_id'])
        .where('round_id', '=', round.id)
        .where('subject_kind', '=', 'commune')
        .where('deleted', '=', 0)
        .execute()
    ).map((r) => [r.id, r.subject_id]),
  );

  const discrepancies: Discrepancy[] = [];
  const communes: CommuneCount[] = [];
  for (const item of round.items) {
    if (item.kind !== 'commune') continue;
    const communeId = communeIds.get(item.id);
    if (!communeId || !judged.has(communeId)) {
      communes.push({ unitCode: item.code, name: item.name, catalogName: null, selfPeriod: null, selfMet: null, teamMet: null, criteriaCount: null, teamJudged: 0, team: 0, sector: 0, overstated: 0 });
      continue;
    }
    const view = await compare(ctx, { roundId: round.id, unitCode: item.code });
    const rows = discrepanciesOf(view);
    discrepancies.push(...rows);
    communes.push({
      unitCode: item.code,
      name: item.name,
      catalogName: view.catalog.name,
      selfPeriod: view.selfAssessment?.period ?? null,
      selfMet: view.selfMetCount,
      teamMet: view.teamMetCount,
      criteriaCount: view.catalog.criteriaCount,
      teamJudged: view.indicators.filter((i) => i.team !== null).length,
      team: rows.filter((r) => r.source === 'team').length,
      sector: rows.filter((r) => r.source === 'sector').length,
      overstated: view.overstated,
    });
  }

  const criteriaMap = new Map<string, CriterionCount & { communeSet: Set<string>; overstatedSet: Set<string> }>();
  const sectorMap = new Map<string, SectorCount & { criterionSet: Set<string>; communeSet: Set<string>; overstatedSet: Set<string> }>();
  for (const d of discrepancies) {
    const ck = `${d.criterionNo}\u0000${d.criterionName}`;
    const c = criteriaMap.get(ck) ?? { no: d.criterionNo, name: d.criterionName, sector: d.sector, team: 0, sectorFindings: 0, communes: 0, overstated: 0, communeSet: new Set(), overstatedSet: new Set() };
    criteriaMap.set(ck, c);
    if (d.source === 'team') c.team++;
    else c.sectorFindings++;
    c.communeSet.add(d.unitCode);
    if (d.overstated) c.overstatedSet.add(d.unitCode);
    const s = sectorMap.get(d.sector) ?? { sector: d.sector, team: 0, sectorFindings: 0, criteria: 0, communes: 0, overstated: 0, criterionSet: new Set(), communeSet: new Set(), overstatedSet: new Set() };
    sectorMap.set(d.sector, s);
    if (d.source === 'team') s.team++;
    else s.sectorFindings++;
    s.criterionSet.add(ck);
    s.communeSet.add(d.unitCode);
    if (d.overstated) s.overstatedSet.add(`${d.unitCode}/${ck}`);
  }
  const criteria = [...criteriaMap.values()]
    .map(({ communeSet, overstatedSet, ...c }) => ({ ...c, communes: communeSet.size, overstated: overstatedSet.size }))
    .sort((a, b) => a.no - b.no || a.name.localeCompare(b.name, 'vi'));
  const sectors = [...sectorMap.values()]
    .map(({ criterionSet, communeSet, overstatedSet, ...s }) => ({ ...s, criteria: criterionSet.size, communes: communeSet.size, overstated: overstatedSet.size }))
    .sort((a, b) => b.team + b.sectorFindings - (a.team + a.sectorFindings) || a.sector.localeCompare(b.sector, 'vi'));
  return {
    round,
    discrepancies,
    communes,
    criteria,
    sectors,
    totals: {
      team: discrepancies.filter((d) => d.source === 'team').length,
      sector: discrepancies.filter((d) => d.source === 'sector').length,
      communes: new Set(discrepancies.map((d) => d.unitCode)).size,
      overstated: communes.reduce((a, c) => a + c.overstated, 0),
      communesJudged: communes.filter((c) => c.teamJudged > 0).length,
    },
  };
}
