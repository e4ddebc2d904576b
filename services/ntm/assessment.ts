import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../core/errors';
import type { NtmAssessmentView, NtmIndicatorView } from '../../core/contract/ntm';
import {
  assessRevocationRisk,
  citationOf,
  evaluateCommune,
  evaluateIndicator,
  INDICATOR_STATUS_NAMES,
  type CommuneProfile,
  type IndicatorInput,
} from '../../core/ntm/index';
import { parsePeriod, periodEndDate, periodLabel, previousPeriod } from '../../core/ntm/period';
import { unitEraFitsDate } from '../../core/reform/unitEraForDate';
import { communeForDate } from '../reform/eraCheck';
import { thresholdTestText } from '../../core/ntm/thresholdText';
import type { Database, NtmAssessmentTable, NtmValueTable } from '../../db/schema';
import { checkAttachmentSize, readAttachment, storeAttachment } from '../attachments';
import type { ServiceContext } from '../context';
import { audit, currentActor, type Actor } from '../staff';
import { loadCatalog, type LoadedCatalog } from './catalogs';
import { communeByCode, communeView, currentLevels, officeScope, type CommuneRow } from './communes';
import { sectorOverrides } from '../plans/sectorOverrides';
import { join } from 'node:path';

type Ref = { unitCode: string; period: string; catalogId?: string };
type ValueRow = Selectable<NtmValueTable>;
type AssessmentRow = Selectable<NtmAssessmentTable>;

export function profileOf(row: Pick<CommuneRow, 'region' | 'commune_group' | 'flags_json'>): CommuneProfile {
  return {
    region: (row.region as CommuneProfile['region']) ?? null,
    group: (row.commune_group as CommuneProfile['group']) ?? null,
    flags: JSON.parse(row.flags_json) as Record<string, boolean>,
  };
}

export function inputOf(v: Pick<ValueRow, 'value_json' | 'manual_met' | 'evidence'>, fileNames: string[]): IndicatorInput {
  const evidence = [v.evidence ?? '', ...fileNames].filter((s) => s.trim() !== '').join('; ');
  return {
    value: v.value_json === null ? null : (JSON.parse(v.value_json) as boolean | number | string | null),
    manual: v.manual_met === null ? null : { met: v.manual_met === 1, evidence },
  };
}

async function context(ctx: ServiceContext, ref: Ref) {
  const scope = await officeScope(ctx);
  const commune = await communeByCode(ctx, scope, ref.unitCode);
  const { year } = parsePeriod(ref.period);
  const loaded = await loadCatalog(ctx, ref.catalogId, year);
  const assessment = await ctx.db
    .selectFrom('ntm_assessment')
    .selectAll()
    .where('commune_id', '=', commune.id)
    .where('period', '=', ref.period)
    .where('catalog_id', '=', loaded.catalog.id)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  return { scope, commune, year, loaded, assessment };
}

export async function assessmentView(ctx: ServiceContext, ref: Ref): Promise<NtmAssessmentView> {
  const { commune, year, loaded, assessment } = await context(ctx, ref);
  return buildView(ctx, commune, ref.period, year, loaded, assessment);
}

async function buildView(
  ctx: ServiceContext,
  commune: CommuneRow,
  period: string,
  year: number,
  loaded: LoadedCatalog,
  assessment: AssessmentRow | undefined,
): Promise<NtmAssessmentView> {
  const values = assessment
    ? await ctx.db.selectFrom('ntm_value').selectAll().where('assessment_id', '=', assessment.id).where('deleted', '=', 0).execute()
    : [];
  const files = assessment
    ? await ctx.db
        .selectFrom('ntm_evidence_file as f')
        .innerJoin('attachment as a', 'a.sha256', 'f.sha256')
        .select(['f.indicator_code', 'f.sha256', 'f.file_name', 'a.size'])
        .where('f.assessment_id', '=', assessment.id)
        .where('f.deleted', '=', 0)
        .orderBy('f.updated_at')
        .execute()
    : [];
  const byCode = new Map(values.map((v) => [v.indicator_code, v]));
  const filesByCode = new Map<string, { sha256: string; fileName: string; size: number }[]>();
  for (const f of files) {
    if (!filesByCode.has(f.indicator_code)) filesByCode.set(f.indicator_code, []);
    filesByCode.get(f.indicator_code)!.push({ sha256: f.sha256, fileName: f.file_name, size: f.size });
  }
  const profile = profileOf(commune);
  const inputs: Record<string, IndicatorInput> = {};
  for (const v of values) inputs[v.indicator_code] = inputOf(v, (filesByCode.get(v.indicator_code) ?? []).map((f) => f.fileName));
  const evaluation = evaluateCommune(loaded.compiled, profile, year, inputs);
  const risk = assessRevocationRisk(loaded.catalog, evaluation.criteria);
  const levels = await currentLevels(ctx, [commune.id]);
  // The office's own responsible sector where it set one (plans: ngành phụ trách), else the catalog's.
  const sectors = await sectorOverrides(ctx);

  const indicators: NtmIndicatorView[] = loaded.compiled.indicators.map((ci, i) => {
    const src = ci.source;
    const v = byCode.get(ci.code);
    const detail = evaluateIndicator(loaded.compiled, ci.code, inputs[ci.code], profile, year);
    const reference = src.references[0];
    const thresholdText = detail.threshold
      ? `${thresholdTestText(detail.threshold.test, src.unit)} (${citationOf(detail.threshold.source)})`
      : reference
        ? `${reference.text} (${citationOf(reference.source)})`
        : null;
    return {
      code: ci.code,
      criterionNo: loaded.catalog.criteria[ci.criterionIndex]!.no,
      text: src.text,
      valueKind: src.valueKind,
      unit: src.unit,
      choices: src.choices ?? null,
      judgement: src.judgement,
      value: v?.value_json ? (JSON.parse(v.value_json) as boolean | number | string) : null,
      manualMet: v?.manual_met === null || v === undefined ? null : v.manual_met === 1,
      evidence: v?.evidence ?? null,
      files: filesByCode.get(ci.code) ?? [],
      status: INDICATOR_STATUS_NAMES[evaluation.status[i]!]!,
      reasonText: detail.regionSubstituted && detail.threshold ? `${detail.reasonText} Áp dụng ngưỡng vùng Trung du và miền núi phía Bắc.` : detail.reasonText,
      thresholdText,
      enteredBy: v?.entered_by ?? null,
      enteredAt: v?.updated_at ?? null,
    };
  });

  return {
    commune: communeView(commune, levels.get(commune.id) ?? null),
    period,
    catalog: loaded.summary,
    assessment: assessment
      ? { id: assessment.id, status: assessment.status, updatedAt: assessment.updated_at, updatedBy: assessment.updated_by }
      : null,
    indicators,
    criteria: evaluation.criteria.map((c) => {
      const src = loaded.catalog.criteria.find((x) => x.no === c.no)!;
      return {
        no: c.no,
        name: c.name,
        group: src.group,
        sector: sectors.of(loaded.catalog.id, c.no) ?? src.responsibleSector?.name ?? null,
        status: c.status,
        notMet: [...c.notMet],
        needsManual: [...c.needsManual],
        missingValue: [...c.missingValue],
      };
    }),
    metCount: evaluation.metCount,
    criteriaCount: evaluation.criteriaCount,
    band: evaluation.band?.label ?? null,
    risk: risk.applicable ? { applicable: true, atRisk: risk.atRisk, message: risk.message } : { applicable: false, atRisk: false, message: risk.message },
  };
}

export function refuseUnlessDraft(a: AssessmentRow | undefined, period: string): void {
  if (a?.status === 'locked') {
    throw new AppError('ASSESSMENT_LOCKED', `Kỳ đánh giá ${period} đã khóa, không thể sửa. Muốn sửa, hãy mở lại kỳ và ghi rõ lý do.`, { period });
  }
  if (a?.status === 'submitted') {
    throw new AppError('ASSESSMENT_SUBMITTED', `Kỳ đánh giá ${period} đã gửi, không thể sửa. Muốn sửa, hãy mở lại kỳ và ghi rõ lý do.`, { period });
  }
}

/** Refuses a value of the wrong kind for the indicator (AppError INDICATOR_VALUE_INVALID / INDICATOR_NOT_FOUND). */
export function checkValue(loaded: LoadedCatalog, code: string, value: unknown): void {
  const i = loaded.compiled.indicatorIndex.get(code);
  if (i === undefined) {
    throw new AppError('INDICATOR_NOT_FOUND', `Không có chỉ tiêu "${code}" trong bộ tiêu chí "${loaded.catalog.name}".`, { code });
  }
  if (value === null || value === undefined) return;
  const src = loaded.compiled.indicators[i]!.source;
  const bad = (why: string) => new AppError('INDICATOR_VALUE_INVALID', `Chỉ tiêu ${code}: ${why}`, { code, value });
  switch (src.valueKind) {
    case 'boolean':
      if (typeof value !== 'boolean') throw bad('giá trị phải là Có hoặc Không.');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('giá trị phải là một số.');
      if (value < 0) throw bad('giá trị không được âm.');
      return;
    case 'percent':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('giá trị phải là một tỷ lệ phần trăm (số).');
      if (value < 0 || value > 100) throw bad('tỷ lệ phải từ 0 đến 100%.');
      return;
    case 'choice':
      if (typeof value !== 'string' || !(src.choices ?? []).some((c) => c.value === value)) {
        throw bad(`phải chọn một trong: ${(src.choices ?? []).map((c) => c.label).join(', ')}.`);
      }
      return;
    case 'text':
      if (typeof value !== 'string') throw bad('giá trị phải là văn bản.');
      return;
    default: {
      const never: never = src.valueKind;
      return never;
    }
  }
}

/** The quarter's assessment id inside the caller's transaction: bumps an existing one, creates a draft otherwise. */
export async function ensureAssessment(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  officeCode: string,
  commune: CommuneRow,
  period: string,
  loaded: LoadedCatalog,
  existing: AssessmentRow | undefined,
  actorName: string | null,
): Promise<string> {
  const at = ctx.now().toISOString();
  if (existing) {
    await trx
      .updateTable('ntm_assessment')
      .set({ version: existing.version + 1, updated_at: at, updated_by: actorName })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const id = ctx.newId();
  await trx
    .insertInto('ntm_assessment')
    .values({
      id,
      office_code: officeCode,
      commune_id: commune.id,
      period,
      catalog_id: loaded.catalog.id,
      catalog_revision: loaded.catalog.revision,
      status: 'draft',
      updated_at: at,
      updated_by: actorName,
    })
    .execute();
  return id;
}

export type SetValueInput = Ref & {
  indicatorCode: string;
  value?: boolean | number | string | null;
  manualMet?: boolean | null;
  evidence?: string | null;
};

/** Where one indicator's row lives: the office, the commune (for the audit), the quarter and its assessment. */
export type ValueTarget = { officeCode: string; communeCode: string; period: string; assessmentId: string };

/** One indicator's change; a field left undefined keeps its stored value, null clears it. */
export type ValueChange = Pick<SetValueInput, 'indicatorCode' | 'value' | 'manualMet' | 'evidence'>;

/**
 * Writes one indicator's value, hand judgement and evidence note inside the caller's transaction, audited.
 * The caller has checked the value (checkValue) and that the quarter is a draft (refuseUnlessDraft).
 */
export async function writeValue(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor,
  at: string,
  target: ValueTarget,
  change: ValueChange,
): Promise<void> {
  const before = await trx
    .selectFrom('ntm_value')
    .selectAll()
    .where('assessment_id', '=', target.assessmentId)
    .where('indicator_code', '=', change.indicatorCode)
    .executeTakeFirst();
  const next = {
    value_json: change.value === undefined ? (before?.value_json ?? null) : change.value === null ? null : JSON.stringify(typeof change.value === 'string' ? change.value.normalize('NFC') : change.value),
    manual_met: change.manualMet === undefined ? (before?.manual_met ?? null) : change.manualMet === null ? null : change.manualMet ? (1 as const) : (0 as const),
    evidence: change.evidence === undefined ? (before?.evidence ?? null) : change.evidence === null || change.evidence.trim() === '' ? null : change.evidence.normalize('NFC'),
  };
  if (before) {
    await trx
      .updateTable('ntm_value')
      .set({ ...next, entered_by: actor.name, updated_at: at, version: before.version + 1, deleted: 0 })
      .where('id', '=', before.id)
      .execute();
  } else {
    await trx
      .insertInto('ntm_value')
      .values({ id: ctx.newId(), office_code: target.officeCode, assessment_id: target.assessmentId, indicator_code: change.indicatorCode, ...next, entered_by: actor.name, updated_at: at })
      .execute();
  }
  await audit(trx, ctx, actor, {
    entity: 'ntm_value',
    entityId: `${target.communeCode}/${target.period}/${change.indicatorCode}`,
    action: before ? 'update' : 'create',
    before: before ? { value: before.value_json, manualMet: before.manual_met, evidence: before.evidence } : null,
    after: { value: next.value_json, manualMet: next.manual_met, evidence: next.evidence },
  });
}

/**
 * A quarter's assessment speaks for its last day: the commune's code must name a unit on that day (an old commune
 * takes quarters up to Q2/2025, a new one from Q3/2025; a code used in both eras takes both). UNIT_ERA_MISMATCH
 * names the successors of an old commune.
 */
export async function checkQuarterEra(ctx: ServiceContext, commune: Pick<CommuneRow, 'code' | 'full_name' | 'era'>, period: string): Promise<void> {
  const date = periodEndDate(period);
  if (unitEraFitsDate(commune.era, date)) return;
  await communeForDate(ctx.db, commune.code, date, `kỳ đánh giá ${periodLabel(period).replace(/^Quý/, 'quý')}`);
}

/** Enters one indicator; the assessment (draft) is created on first entry. One transaction, audited. */
export async function setValue(ctx: ServiceContext, input: SetValueInput): Promise<NtmAssessmentView> {
  const { scope, commune, year, loaded, assessment } = await context(ctx, input);
  refuseUnlessDraft(assessment, input.period);
  await checkQuarterEra(ctx, commune, input.period);
  checkValue(loaded, input.indicatorCode, input.value);
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const assessmentId = await ensureAssessment(trx, ctx, scope.officeCode, commune, input.period, loaded, assessment, actor.name);
    const target = { officeCode: scope.officeCode, communeCode: commune.code, period: input.period, assessmentId };
    await writeValue(trx, ctx, actor, at, target, { indicatorCode: input.indicatorCode, value: input.value, manualMet: input.manualMet, evidence: input.evidence });
  });
  const fresh = await context(ctx, input);
  return buildView(ctx, commune, input.period, year, loaded, fresh.assessment);
}

const ORDER = { draft: 0, submitted: 1, locked: 2 } as const;

/** draft → submitted → locked; going back reopens the quarter and needs a reason, which the audit keeps. */
export async function setStatus(
  ctx: ServiceContext,
  input: Ref & { status: 'draft' | 'submitted' | 'locked'; reason?: string },
): Promise<NtmAssessmentView> {
  const { scope, commune, year, loaded, assessment } = await context(ctx, input);
  const from = assessment?.status ?? 'draft';
  if (from === input.status) return buildView(ctx, commune, input.period, year, loaded, assessment);
  await checkQuarterEra(ctx, commune, input.period);
  const reopening = ORDER[input.status] < ORDER[from];
  if (reopening && (input.reason ?? '').trim().length < 5) {
    throw new AppError('REOPEN_REASON_REQUIRED', 'Mở lại kỳ đánh giá đã gửi hoặc đã khóa phải ghi rõ lý do (ít nhất 5 ký tự).');
  }
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const id = await ensureAssessment(trx, ctx, scope.officeCode, commune, input.period, loaded, assessment, actor.name);
    await trx.updateTable('ntm_assessment').set({ status: input.status, updated_at: at }).where('id', '=', id).execute();
    await audit(trx, ctx, actor, {
      entity: 'ntm_assessment',
      entityId: `${commune.code}/${input.period}/${loaded.catalog.id}`,
      action: reopening ? 'reopen' : input.status === 'locked' ? 'lock' : input.status === 'submitted' ? 'submit' : 'status',
      before: { status: from },
      after: { status: input.status, reason: input.reason ?? null },
    });
  });
  const fresh = await context(ctx, input);
  return buildView(ctx, commune, input.period, year, loaded, fresh.assessment);
}

/** Starts a quarter from the previous one for every commune that has no assessment yet. One transaction. */
export async function copyPrevious(ctx: ServiceContext, input: { period: string; catalogId?: string }) {
  const scope = await officeScope(ctx);
  const { year } = parsePeriod(input.period);
  const loaded = await loadCatalog(ctx, input.catalogId, year);
  const fromPeriod = previousPeriod(input.period);
  const prev = await ctx.db
    .selectFrom('ntm_assessment')
    .selectAll()
    .where('office_code', '=', scope.officeCode)
    .where('period', '=', fromPeriod)
    .where('catalog_id', '=', loaded.catalog.id)
    .where('deleted', '=', 0)
    .execute();
  const already = new Set(
    (
      await ctx.db
        .selectFrom('ntm_assessment')
        .select('commune_id')
        .where('office_code', '=', scope.officeCode)
        .where('period', '=', input.period)
        .where('catalog_id', '=', loaded.catalog.id)
        .execute()
    ).map((r) => r.commune_id),
  );
  // Across 1 July 2025 a commune that ended (or began) with the reform has no quarter on the other side.
  const date = periodEndDate(input.period);
  const units = prev.length === 0 ? [] : await ctx.db
    .selectFrom('ntm_commune as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'u.code', 'u.era'])
    .where('c.id', 'in', prev.map((a) => a.commune_id))
    .execute();
  const misfitCodes = units.filter((u) => !unitEraFitsDate(u.era, date)).map((u) => u.code);
  const fittingCodes = new Set(
    misfitCodes.length === 0
      ? []
      : (await ctx.db.selectFrom('admin_unit').select(['code', 'era']).where('level', '=', 'commune').where('code', 'in', misfitCodes).execute())
          .filter((u) => unitEraFitsDate(u.era, date))
          .map((u) => u.code),
  );
  const outOfEra = new Set(units.filter((u) => !unitEraFitsDate(u.era, date) && !fittingCodes.has(u.code)).map((u) => u.id));
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  let created = 0;
  let copiedValues = 0;
  let skippedOutOfEra = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const a of prev) {
      if (already.has(a.commune_id)) continue;
      if (outOfEra.has(a.commune_id)) {
        skippedOutOfEra++;
        continue;
      }
      const id = ctx.newId();
      await trx
        .insertInto('ntm_assessment')
        .values({ id, office_code: scope.officeCode, commune_id: a.commune_id, period: input.period, catalog_id: a.catalog_id, catalog_revision: loaded.catalog.revision, status: 'draft', updated_at: at, updated_by: actor.name })
        .execute();
      created++;
      const values = await trx.selectFrom('ntm_value').selectAll().where('assessment_id', '=', a.id).where('deleted', '=', 0).execute();
      for (const v of values) {
        if (!loaded.compiled.indicatorIndex.has(v.indicator_code)) continue;
        await trx
          .insertInto('ntm_value')
          .values({ id: ctx.newId(), office_code: scope.officeCode, assessment_id: id, indicator_code: v.indicator_code, value_json: v.value_json, manual_met: v.manual_met, evidence: v.evidence, entered_by: actor.name, updated_at: at })
          .execute();
        copiedValues++;
      }
    }
    await audit(trx, ctx, actor, { entity: 'ntm_assessment', entityId: input.period, action: 'copy_previous', before: null, after: { fromPeriod, created, copiedValues, skippedOutOfEra } });
  });
  return { created, copiedValues, fromPeriod, skippedOutOfEra };
}

/** Attaches an evidence file to one indicator (the quarter must be a draft). */
export async function addEvidence(
  ctx: ServiceContext,
  input: Ref & { indicatorCode: string; fileName: string; contentBase64: string },
): Promise<NtmAssessmentView> {
  const { scope, commune, year, loaded, assessment } = await context(ctx, input);
  refuseUnlessDraft(assessment, input.period);
  await checkQuarterEra(ctx, commune, input.period);
  checkValue(loaded, input.indicatorCode, null);
  const content = Buffer.from(input.contentBase64, 'base64');
  checkAttachmentSize(input.fileName, content.length);
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const fileName = input.fileName.normalize('NFC');
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await storeAttachment(trx, join(ctx.dataDir, 'attachments'), fileName, content, at);
    const assessmentId = await ensureAssessment(trx, ctx, scope.officeCode, commune, input.period, loaded, assessment, actor.name);
    await trx
      .insertInto('ntm_evidence_file')
      .values({ id: ctx.newId(), office_code: scope.officeCode, assessment_id: assessmentId, indicator_code: input.indicatorCode, sha256: stored.sha256, file_name: fileName, added_by: actor.name, updated_at: at })
      .execute();
    await audit(trx, ctx, actor, {
      entity: 'ntm_evidence_file',
      entityId: `${commune.code}/${input.period}/${input.indicatorCode}`,
      action: 'attach',
      before: null,
      after: { fileName, sha256: stored.sha256, size: stored.size },
    });
  });
  const fresh = await context(ctx, input);
  return buildView(ctx, commune, input.period, year, loaded, fresh.assessment);
}

export async function getEvidence(ctx: ServiceContext, sha256: string) {
  const row = await ctx.db
    .selectFrom('ntm_evidence_file as f')
    .innerJoin('attachment as a', 'a.sha256', 'f.sha256')
    .select(['f.file_name', 'a.mime'])
    .where('f.sha256', '=', sha256)
    .executeTakeFirst();
  if (!row) throw new AppError('ATTACHMENT_MISSING', 'Không tìm thấy tệp minh chứng.', { sha256 });
  const data = readAttachment(join(ctx.dataDir, 'attachments'), sha256);
  return { fileName: row.file_name, mime: row.mime, contentBase64: data.toString('base64') };
}
