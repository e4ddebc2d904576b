import type {
  ReportDeadlines,
  ReportHeader,
  ReportNarrative,
  ReportPreview,
  ReportSettings,
  ReportSummary,
  SavedReport,
} from '../../core/contract/reports';
import { reportHeaderSchema, reportNarrativeSchema, reportSettingsSchema } from '../../core/contract/reports';
import { AppError } from '../../core/errors';
import {
  DEADLINE_SOURCES,
  DEFAULT_DEADLINE_RULES,
  parseReportPeriod,
  readReportSnapshot,
  reportDeadlines,
  reportPeriodLabel,
  type ReportModel,
} from '../../core/reports/index';
import { getOfficeProfile, getOfficeRow } from '../../db/office';
import { getReportRow, insertReport, latestReportRow, listReportRows, updateReport, type ReportSummaryRow } from '../../db/reports';
import { getSetting, setSetting } from '../../db/settings';
import type { ServiceContext } from '../context';
import { todayOf } from '../ocop/actor';
import { audit, currentActor } from '../staff';
import { gatherReport, reportOffices } from './gather';

const SETTINGS_KEY = 'reports.settings';

export async function getReportSettings(ctx: ServiceContext): Promise<ReportSettings> {
  const stored = await getSetting(ctx.db, SETTINGS_KEY);
  const defaults: ReportSettings = { deadlines: { ...DEFAULT_DEADLINE_RULES }, symbol: 'BC-UBND', signerTitle: '', signerName: '', recipients: ['Lưu: VT.'] };
  if (!stored) return defaults;
  const parsed = reportSettingsSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : defaults;
}

export async function setReportSettings(ctx: ServiceContext, input: ReportSettings): Promise<ReportSettings> {
  const before = await getReportSettings(ctx);
  const actor = await currentActor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await setSetting(trx, SETTINGS_KEY, JSON.stringify(input));
    await audit(trx, ctx, actor, { entity: 'report_settings', entityId: SETTINGS_KEY, action: 'update', before, after: input });
  });
  return input;
}

function rowToSummary(row: ReportSummaryRow): ReportSummary {
  const period = parseReportPeriod(row.period);
  return {
    id: row.id,
    officeCode: row.office_code,
    period: row.period,
    periodKind: period.kind,
    periodLabel: reportPeriodLabel(period),
    revision: row.revision,
    status: row.status,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    finalizedAt: row.finalized_at,
    finalizedBy: row.finalized_by,
  };
}

function rowToSaved(row: ReportSummaryRow & { snapshot_json?: string | null }): SavedReport {
  return {
    ...rowToSummary(row),
    narrative: reportNarrativeSchema.parse(JSON.parse(row.narrative_json)),
    header: reportHeaderSchema.parse(JSON.parse(row.header_json)),
    model: row.snapshot_json ? readReportSnapshot(row.snapshot_json) : null,
  };
}

/** Header lines for a new draft: the office's place, today's date, the subject, the signer from the settings. */
export async function defaultHeader(ctx: ServiceContext, model: ReportModel): Promise<ReportHeader> {
  const settings = await getReportSettings(ctx);
  const today = todayOf(ctx.now());
  const subject =
    model.office.dataOfficeCode === model.office.code
      ? `Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới và Chương trình OCOP ${model.periodLabel}`
      : `Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới và Chương trình OCOP ${model.periodLabel} của ${model.office.dataOfficeName}`;
  return {
    documentNo: '',
    symbol: settings.symbol,
    place: model.office.placeName,
    date: today < model.periodEnd ? today : model.asOf,
    subject,
    signerTitle: settings.signerTitle,
    signerName: settings.signerName,
    recipients: settings.recipients,
  };
}

async function officeCodeFor(ctx: ServiceContext, officeCode: string | undefined): Promise<string> {
  if (officeCode) return officeCode;
  const office = await getOfficeProfile(ctx.db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Chưa thiết lập văn phòng. Hãy hoàn thành bước thiết lập ban đầu.');
  return office.officeCode;
}

export async function previewReport(ctx: ServiceContext, input: { period: string; officeCode?: string }): Promise<ReportPreview> {
  const model = await gatherReport(ctx, input);
  const officeCode = model.office.dataOfficeCode;
  const rows = await listReportRows(ctx.db, { officeCode, period: input.period });
  const draft = rows.find((r) => r.status === 'draft');
  return {
    model,
    draft: draft ? rowToSaved(draft) : null,
    finals: rows.filter((r) => r.status === 'final').map(rowToSummary),
    defaults: await defaultHeader(ctx, model),
  };
}

type WriteInput = { period: string; officeCode?: string; narrative: ReportNarrative; header: ReportHeader };

/**
 * Writes the narrative and header into the period's draft, creating the draft (the next revision) when the
 * latest row is final or absent. Every write is audited in the same transaction.
 */
export async function saveDraft(ctx: ServiceContext, input: WriteInput): Promise<SavedReport> {
  const officeCode = await officeCodeFor(ctx, input.officeCode);
  await reportOfficeGuard(ctx, officeCode);
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const latest = await latestReportRow(trx, officeCode, input.period);
    const narrative_json = JSON.stringify(input.narrative);
    const header_json = JSON.stringify(input.header);
    if (latest?.status === 'draft') {
      if (latest.narrative_json === narrative_json && latest.header_json === header_json) return latest.id;
      await updateReport(trx, latest.id, { narrative_json, header_json, updated_at: at });
      await audit(trx, ctx, actor, {
        entity: 'report', entityId: latest.id, action: 'draft',
        before: { narrative: JSON.parse(latest.narrative_json), header: JSON.parse(latest.header_json) },
        after: { narrative: input.narrative, header: input.header },
      });
      return latest.id;
    }
    const newId = ctx.newId();
    const revision = (latest?.revision ?? 0) + 1;
    await insertReport(trx, {
      id: newId, office_code: officeCode, updated_at: at, period: input.period, period_kind: parseReportPeriod(input.period).kind, revision,
      status: 'draft', narrative_json, header_json, snapshot_json: null, created_at: at, created_by: actor.name, finalized_at: null, finalized_by: null,
    });
    await audit(trx, ctx, actor, { entity: 'report', entityId: newId, action: 'create', before: null, after: { period: input.period, revision, narrative: input.narrative, header: input.header } });
    return newId;
  });
  return getReport(ctx, id);
}

/**
 * "Lưu phiên bản": gathers today's figures and stores them as the report's snapshot together with the narrative;
 * the period's draft becomes this final revision (or a new revision is made). A final report never changes.
 */
export async function saveReport(ctx: ServiceContext, input: WriteInput): Promise<SavedReport> {
  const model = await gatherReport(ctx, input);
  const officeCode = model.office.dataOfficeCode;
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const snapshot_json = JSON.stringify(model);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const latest = await latestReportRow(trx, officeCode, input.period);
    const fields = {
      status: 'final' as const, narrative_json: JSON.stringify(input.narrative), header_json: JSON.stringify(input.header), snapshot_json,
      updated_at: at, finalized_at: at, finalized_by: actor.name,
    };
    let reportId: string;
    let revision: number;
    if (latest?.status === 'draft') {
      reportId = latest.id;
      revision = latest.revision;
      await updateReport(trx, reportId, fields);
    } else {
      reportId = ctx.newId();
      revision = (latest?.revision ?? 0) + 1;
      await insertReport(trx, {
        id: reportId, office_code: officeCode, period: input.period, period_kind: parseReportPeriod(input.period).kind, revision,
        created_at: at, created_by: actor.name, ...fields,
      });
    }
    await audit(trx, ctx, actor, {
      entity: 'report', entityId: reportId, action: 'finalize', before: latest ? { revision: latest.revision, status: latest.status } : null,
      after: { period: input.period, revision, header: input.header, narrative: input.narrative, asOf: model.asOf, generatedAt: model.generatedAt },
    });
    return reportId;
  });
  return getReport(ctx, id);
}

async function reportOfficeGuard(ctx: ServiceContext, officeCode: string): Promise<void> {
  const offices = await reportOffices(ctx);
  if (!offices.some((o) => o.code === officeCode)) {
    throw new AppError('REPORT_OFFICE_UNKNOWN', `Không có số liệu của văn phòng mã "${officeCode}" trong cơ sở dữ liệu này.`, { officeCode });
  }
}

export async function listReports(ctx: ServiceContext, input: { officeCode?: string; period?: string }): Promise<ReportSummary[]> {
  return (await listReportRows(ctx.db, input)).map(rowToSummary);
}

export async function getReport(ctx: ServiceContext, id: string): Promise<SavedReport> {
  const row = await getReportRow(ctx.db, id);
  if (!row) throw new AppError('REPORT_NOT_FOUND', 'Không tìm thấy báo cáo này.', { id });
  return rowToSaved(row);
}

/**
 * What a DOCX or XLSX is made from: a saved report's snapshot (exactly as saved); for a period, the draft being
 * written (today's figures), else the latest saved version as saved, else today's figures with empty sections.
 */
export async function reportSource(
  ctx: ServiceContext,
  input: { id: string } | { period: string; officeCode?: string },
): Promise<{ model: ReportModel; narrative: ReportNarrative; header: ReportHeader; revision: number | null; status: 'draft' | 'final' | 'live' }> {
  if ('id' in input) {
    const saved = await getReport(ctx, input.id);
    const model = saved.model ?? (await gatherReport(ctx, { period: saved.period, officeCode: saved.officeCode }));
    return { model, narrative: saved.narrative, header: saved.header, revision: saved.revision, status: saved.status };
  }
  const preview = await previewReport(ctx, input);
  if (preview.draft) return { model: preview.model, narrative: preview.draft.narrative, header: preview.draft.header, revision: preview.draft.revision, status: 'draft' };
  const latestFinal = preview.finals[0];
  if (latestFinal) return reportSource(ctx, { id: latestFinal.id });
  return { model: preview.model, narrative: { results: '', limitations: '', tasks: '' }, header: preview.defaults, revision: null, status: 'live' };
}

export async function deadlines(ctx: ServiceContext, input: { today?: string }): Promise<ReportDeadlines> {
  const office = await getOfficeProfile(ctx.db);
  const row = await getOfficeRow(ctx.db);
  if (!office || !row) throw new AppError('SETUP_REQUIRED', 'Chưa thiết lập văn phòng. Hãy hoàn thành bước thiết lập ban đầu.');
  const settings = await getReportSettings(ctx);
  const today = input.today ?? todayOf(ctx.now());
  const finals = new Map<string, string>();
  for (const r of await listReportRows(ctx.db, { officeCode: office.officeCode, status: 'final' })) if (!finals.has(r.period)) finals.set(r.period, r.id);
  const since = todayOf(new Date(row.created_at));
  return { ...reportDeadlines({ today, since: since < today ? since : today, rules: settings.deadlines, finals }), today, rules: settings.deadlines, sources: { ...DEADLINE_SOURCES } };
}
