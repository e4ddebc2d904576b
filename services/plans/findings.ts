import { join } from 'node:path';
import type { Selectable } from 'kysely';
import type { ComparisonCriterion, ComparisonIndicator, FindingSource, RoundComparison, SourceCell } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import { evaluateCommune, INDICATOR_STATUS_NAMES, type CommuneEvaluation, type IndicatorInput } from '../../core/ntm/index';
import type { PlanFindingTable } from '../../db/schema';
import { checkAttachmentSize, storeAttachment } from '../attachments';
import type { ServiceContext } from '../context';
import { checkValue, inputOf, profileOf } from '../ntm/assessment';
import type { LoadedCatalog } from '../ntm/catalogs';
import { communeByCode, officeScope, type CommuneRow } from '../ntm/communes';
import { audit, currentActor } from '../staff';
import { latestEvaluations } from './latestEvaluations';
import { catalogCache } from './levelCatalog';
import { communesOfOffice } from './officeCommunes';
import { refuseMerged } from './owners';

type FindingRow = Selectable<PlanFindingTable>;
type Ref = { roundId: string; unitCode: string };

/**
 * The round, the commune (which must be in its scope) and the catalog the team judges it against. Reading works on
 * a round merged from another office's bundle (province mode); writing only on the office's own.
 */
async function findingContext(ctx: ServiceContext, ref: Ref, write = false) {
  const scope = await officeScope(ctx);
  let q = ctx.db.selectFrom('plan_round').selectAll().where('id', '=', ref.roundId).where('deleted', '=', 0);
  if (scope.kind !== 'province') q = q.where('office_code', '=', scope.officeCode);
  const round = await q.executeTakeFirst();
  if (!round) throw new AppError('ROUND_NOT_FOUND', 'Không tìm thấy đợt rà soát.', { id: ref.roundId });
  if (write) refuseMerged(scope, round.office_code, 'Đợt rà soát');
  const commune =
    round.office_code === scope.officeCode
      ? await communeByCode(ctx, scope, ref.unitCode)
      : (await communesOfOffice(ctx, scope, round.office_code)).find((c) => c.code === ref.unitCode);
  if (!commune) throw new AppError('COMMUNE_NOT_MANAGED', `Xã mã "${ref.unitCode}" không thuộc địa bàn của văn phòng ${round.office_code}.`, { unitCode: ref.unitCode });
  const item = await ctx.db
    .selectFrom('plan_round_item')
    .selectAll()
    .where('round_id', '=', round.id)
    .where('subject_kind', '=', 'commune')
    .where('subject_id', '=', commune.id)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  if (!item) throw new AppError('ROUND_ITEM_NOT_IN_SCOPE', `Xã ${commune.full_name} không thuộc phạm vi đợt rà soát này.`, { unitCode: ref.unitCode });
  const catalogs = catalogCache(ctx);
  const loaded = item.catalog_id
    ? await catalogs.byId(item.catalog_id)
    : await catalogs.forLevel('xa_ntm', Number(round.document_date.slice(0, 4)));
  if (!loaded) throw new AppError('CATALOG_NOT_FOUND', `Không có bộ tiêu chí "${item.catalog_id ?? 'xã NTM'}" để rà soát.`, { id: item.catalog_id });
  return { scope, round, commune, item, loaded };
}

/** The year thresholds are read for: the self-assessment's, else the round's, within the catalog's period. */
function yearFor(loaded: LoadedCatalog, selfPeriod: string | null, roundDate: string): number {
  const y = selfPeriod ? Number(selfPeriod.slice(0, 4)) : Number(roundDate.slice(0, 4));
  return Math.min(loaded.catalog.period.toYear, Math.max(loaded.catalog.period.fromYear, y));
}

/** Refuses a finding with its reason: a reported round is closed, and a sector's finding names the sector. */
function checkWritable(reportedOn: string | null, source: FindingSource, sector: string | null | undefined): string {
  if (reportedOn) throw new AppError('ROUND_REPORTED', `Đợt rà soát đã báo cáo ngày ${reportedOn}; kết quả không còn sửa được.`);
  if (source === 'nganh' && !sector) throw new AppError('FINDING_SECTOR_REQUIRED', 'Đánh giá của ngành phải ghi rõ tên ngành (sở, phòng) đánh giá.');
  return source === 'nganh' ? sector! : '';
}

export type SetFindingInput = Ref & {
  source: FindingSource;
  sector?: string | null;
  indicatorCode: string;
  value?: boolean | number | string | null;
  manualMet?: boolean | null;
  evidence?: string | null;
};

/**
 * Writes the team's (đoàn thẩm định) or a sector's finding for one indicator, in its own table: the commune's
 * self-assessment (ntm_value) is never touched. One transaction, audited.
 */
export async function setFinding(ctx: ServiceContext, input: SetFindingInput): Promise<RoundComparison> {
  const { scope, round, commune, loaded } = await findingContext(ctx, input, true);
  const sector = checkWritable(round.reported_on, input.source, input.sector);
  checkValue(loaded, input.indicatorCode, input.value);
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('plan_finding')
      .selectAll()
      .where('round_id', '=', round.id)
      .where('commune_id', '=', commune.id)
      .where('catalog_id', '=', loaded.catalog.id)
      .where('source', '=', input.source)
      .where('sector', '=', sector)
      .where('indicator_code', '=', input.indicatorCode)
      .executeTakeFirst();
    const next = {
      value_json: input.value === undefined ? (before?.value_json ?? null) : input.value === null ? null : JSON.stringify(typeof input.value === 'string' ? input.value.normalize('NFC') : input.value),
      manual_met: input.manualMet === undefined ? (before?.manual_met ?? null) : input.manualMet === null ? null : input.manualMet ? (1 as const) : (0 as const),
      evidence: input.evidence === undefined ? (before?.evidence ?? null) : input.evidence === null || input.evidence.trim() === '' ? null : input.evidence.normalize('NFC'),
    };
    if (before) {
      await trx.updateTable('plan_finding').set({ ...next, entered_by: actor.name, deleted: 0, updated_at: at, version: before.version + 1 }).where('id', '=', before.id).execute();
    } else {
      await trx
        .insertInto('plan_finding')
        .values({ id: ctx.newId(), office_code: scope.officeCode, round_id: round.id, commune_id: commune.id, catalog_id: loaded.catalog.id, source: input.source, sector, indicator_code: input.indicatorCode, ...next, entered_by: actor.name, updated_at: at })
        .execute();
    }
    await audit(trx, ctx, actor, {
      entity: 'plan_finding',
      entityId: `${round.id}/${commune.code}/${input.source}${sector ? `:${sector}` : ''}/${input.indicatorCode}`,
      action: before ? 'update' : 'create',
      before: before ? { value: before.value_json, manualMet: before.manual_met, evidence: before.evidence } : null,
      after: { value: next.value_json, manualMet: next.manual_met, evidence: next.evidence },
    });
  });
  return compare(ctx, input);
}

/** Attaches an evidence file to a finding (creating the finding row when the file comes first). */
export async function addFindingEvidence(
  ctx: ServiceContext,
  input: Ref & { source: FindingSource; sector?: string | null; indicatorCode: string; fileName: string; contentBase64: string },
): Promise<RoundComparison> {
  const { scope, round, commune, loaded } = await findingContext(ctx, input, true);
  const sector = checkWritable(round.reported_on, input.source, input.sector);
  checkValue(loaded, input.indicatorCode, null);
  const content = Buffer.from(input.contentBase64, 'base64');
  checkAttachmentSize(input.fileName, content.length);
  const fileName = input.fileName.normalize('NFC');
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await storeAttachment(trx, join(ctx.dataDir, 'attachments'), fileName, content, at);
    let finding = await trx
      .selectFrom('plan_finding')
      .select('id')
      .where('round_id', '=', round.id)
      .where('commune_id', '=', commune.id)
      .where('catalog_id', '=', loaded.catalog.id)
      .where('source', '=', input.source)
      .where('sector', '=', sector)
      .where('indicator_code', '=', input.indicatorCode)
      .executeTakeFirst();
    if (!finding) {
      finding = { id: ctx.newId() };
      await trx
        .insertInto('plan_finding')
        .values({ id: finding.id, office_code: scope.officeCode, round_id: round.id, commune_id: commune.id, catalog_id: loaded.catalog.id, source: input.source, sector, indicator_code: input.indicatorCode, value_json: null, manual_met: null, evidence: null, entered_by: actor.name, updated_at: at })
        .execute();
    }
    await trx.insertInto('plan_finding_file').values({ id: ctx.newId(), office_code: scope.officeCode, finding_id: finding.id, sha256: stored.sha256, file_name: fileName, added_by: actor.name, updated_at: at }).execute();
    await audit(trx, ctx, actor, { entity: 'plan_finding_file', entityId: `${round.id}/${commune.code}/${input.source}/${input.indicatorCode}`, action: 'attach', before: null, after: { fileName, sha256: stored.sha256 } });
  });
  return compare(ctx, input);
}

type Cells = { inputs: Record<string, IndicatorInput>; rows: Map<string, { row: Pick<FindingRow, 'value_json' | 'manual_met' | 'evidence' | 'entered_by' | 'updated_at'> & { sector: string | null }; files: { sha256: string; fileName: string }[] }> };

function cellsOf(rows: (Pick<FindingRow, 'value_json' | 'manual_met' | 'evidence' | 'entered_by' | 'updated_at' | 'indicator_code'> & { sector: string | null; id: string })[], files: Map<string, { sha256: string; fileName: string }[]>): Cells {
  const inputs: Record<string, IndicatorInput> = {};
  const out: Cells['rows'] = new Map();
  for (const r of rows) {
    const f = files.get(r.id) ?? [];
    inputs[r.indicator_code] = inputOf(r, f.map((x) => x.fileName));
    out.set(r.indicator_code, { row: r, files: f });
  }
  return { inputs, rows: out };
}

function cell(cells: Cells, code: string, evaluation: CommuneEvaluation, index: number): SourceCell | null {
  const c = cells.rows.get(code);
  if (!c) return null;
  return {
    value: c.row.value_json === null ? null : (JSON.parse(c.row.value_json) as boolean | number | string),
    manualMet: c.row.manual_met === null ? null : c.row.manual_met === 1,
    evidence: c.row.evidence,
    files: c.files,
    status: INDICATOR_STATUS_NAMES[evaluation.status[index]!]!,
    sector: c.row.sector,
    enteredBy: c.row.entered_by,
    enteredAt: c.row.updated_at,
  };
}

async function selfCells(ctx: ServiceContext, assessmentId: string | null): Promise<Cells> {
  if (!assessmentId) return { inputs: {}, rows: new Map() };
  const values = await ctx.db.selectFrom('ntm_value').selectAll().where('assessment_id', '=', assessmentId).where('deleted', '=', 0).execute();
  const files = await ctx.db.selectFrom('ntm_evidence_file').select(['indicator_code', 'sha256', 'file_name']).where('assessment_id', '=', assessmentId).where('deleted', '=', 0).execute();
  const byCode = new Map<string, { sha256: string; fileName: string }[]>();
  for (const f of files) byCode.set(f.indicator_code, [...(byCode.get(f.indicator_code) ?? []), { sha256: f.sha256, fileName: f.file_name }]);
  return cellsOf(
    values.map((v) => ({ ...v, id: v.indicator_code, sector: null })),
    byCode,
  );
}

async function findingCells(ctx: ServiceContext, roundId: string, communeId: string, catalogId: string, source: FindingSource): Promise<Cells> {
  const rows = await ctx.db
    .selectFrom('plan_finding')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('commune_id', '=', communeId)
    .where('catalog_id', '=', catalogId)
    .where('source', '=', source)
    .where('deleted', '=', 0)
    // Several sectors may judge the same indicator: the latest finding speaks for the sectors' column.
    .orderBy('updated_at')
    .execute();
  const ids = rows.map((r) => r.id);
  const files = ids.length
    ? await ctx.db.selectFrom('plan_finding_file').select(['finding_id', 'sha256', 'file_name']).where('finding_id', 'in', ids).where('deleted', '=', 0).execute()
    : [];
  const byFinding = new Map<string, { sha256: string; fileName: string }[]>();
  for (const f of files) byFinding.set(f.finding_id, [...(byFinding.get(f.finding_id) ?? []), { sha256: f.sha256, fileName: f.file_name }]);
  return cellsOf(
    rows.map((r) => ({ ...r, sector: r.sector === '' ? null : r.sector })),
    byFinding,
  );
}

function criterionStatusOf(evaluation: CommuneEvaluation, index: number) {
  return evaluation.criteria[index]!.status;
}

/** Self-assessment, sectors and team side by side for one commune of a round; differences counted and marked. */
export async function compare(ctx: ServiceContext, ref: Ref): Promise<RoundComparison> {
  const { round, commune, loaded } = await findingContext(ctx, ref);
  const self = (await latestEvaluations(ctx, [commune as CommuneRow], loaded, '9999-Q4')).get(commune.id) ?? null;
  const selfData = await selfCells(ctx, self?.assessmentId ?? null);
  const team = await findingCells(ctx, round.id, commune.id, loaded.catalog.id, 'doan_tham_dinh');
  const sector = await findingCells(ctx, round.id, commune.id, loaded.catalog.id, 'nganh');
  const profile = profileOf(commune);
  const year = yearFor(loaded, self?.period ?? null, round.document_date);
  const teamEval = evaluateCommune(loaded.compiled, profile, year, team.inputs);
  const sectorEval = evaluateCommune(loaded.compiled, profile, year, sector.inputs);
  const selfEval = self?.evaluation ?? null;

  const indicators: ComparisonIndicator[] = loaded.compiled.indicators.map((ci, i) => {
    const selfCell = selfEval ? cell(selfData, ci.code, selfEval, i) : null;
    const teamCell = cell(team, ci.code, teamEval, i);
    return {
      code: ci.code,
      criterionNo: loaded.catalog.criteria[ci.criterionIndex]!.no,
      text: ci.source.text,
      judgement: ci.source.judgement,
      valueKind: ci.source.valueKind,
      unit: ci.source.unit,
      choices: ci.source.choices ?? null,
      self: selfCell,
      sector: cell(sector, ci.code, sectorEval, i),
      team: teamCell,
      differs: teamCell !== null && teamCell.status !== (selfCell?.status ?? 'missing_value'),
    };
  });
  const judgedBy = (cells: Cells, first: number, end: number) => loaded.compiled.indicators.slice(first, end).some((ci) => cells.rows.has(ci.code));
  const criteria: ComparisonCriterion[] = loaded.compiled.criteria.map((cc, k) => {
    const selfStatus = selfEval ? criterionStatusOf(selfEval, k) : null;
    const teamStatus = judgedBy(team, cc.first, cc.end) ? criterionStatusOf(teamEval, k) : null;
    const sectorStatus = judgedBy(sector, cc.first, cc.end) ? criterionStatusOf(sectorEval, k) : null;
    return {
      no: cc.no,
      name: cc.name,
      responsibleSector: loaded.catalog.criteria[k]!.responsibleSector?.name ?? null,
      self: selfStatus,
      sector: sectorStatus,
      team: teamStatus,
      differs: teamStatus !== null && teamStatus !== selfStatus,
      overstated: selfStatus === 'met' && teamStatus === 'not_met',
    };
  });
  const anyTeam = team.rows.size > 0;
  return {
    roundId: round.id,
    unitCode: commune.code,
    communeName: commune.full_name,
    catalog: loaded.summary,
    selfAssessment: self ? { period: self.period, status: self.status } : null,
    indicators,
    criteria,
    selfMetCount: selfEval?.metCount ?? null,
    sectorMetCount: sector.rows.size > 0 ? sectorEval.metCount : null,
    teamMetCount: anyTeam ? teamEval.metCount : null,
    differences: indicators.filter((i) => i.differs).length,
    overstated: criteria.filter((c) => c.overstated).length,
  };
}

/** The criteria the team found not met for one commune of a round (for sector tasks). */
export async function teamNotMet(ctx: ServiceContext, ref: Ref) {
  const view = await compare(ctx, ref);
  return { catalogId: view.catalog.id, criteria: view.criteria.filter((c) => c.team === 'not_met') };
}
