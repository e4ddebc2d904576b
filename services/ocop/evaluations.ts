import type { MethodParsedInput, OcopEvaluation, OcopEvaluationLevel } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import type { Disqualification, DisqualificationReason, OcopSheet, ScorePreview } from '../../core/ocop';
import { parseDisqualification, previewScore } from '../../core/ocop';
import { writeAudit } from '../../db/audit';
import { getEvaluationRow, insertEvaluation, listEvaluationRows, updateEvaluation, type EvaluationRow } from '../../db/ocop/evaluations';
import type { ServiceContext } from '../context';
import { actorOf } from './actor';
import { ocopSheet } from './catalog';
import { requireProductRow } from './productRows';

type StoredDisqualification = { reasons: DisqualificationReason[]; criteria: string[] };

export function rowToEvaluation(row: EvaluationRow): OcopEvaluation {
  const preview = JSON.parse(row.result_json ?? 'null') as ScorePreview;
  return {
    id: row.id,
    productId: row.product_id,
    level: row.level,
    catalogVersion: row.catalog_version,
    sheetNo: row.sheet_no,
    evaluatedOn: row.evaluated_on,
    members: JSON.parse(row.members_json) as OcopEvaluation['members'],
    disqualification: row.disqualification_json === null ? null : (JSON.parse(row.disqualification_json) as StoredDisqualification),
    complete: row.complete === 1,
    total: row.total,
    stars: row.stars,
    preview,
    note: row.note,
    updatedAt: row.updated_at,
  };
}

/** The exclusion the council recorded, in the engine's terms; null when nothing excludes the dossier. */
export function toDisqualification(stored: StoredDisqualification | null | undefined, sheet: OcopSheet): Disqualification | null {
  if (!stored || (stored.reasons.length === 0 && stored.criteria.length === 0)) return null;
  const input: Record<string, unknown> = Object.fromEntries(stored.reasons.map((r) => [r, true]));
  if (stored.criteria.length > 0) input.criteria = stored.criteria;
  return parseDisqualification(input, sheet);
}

export async function listEvaluations(ctx: ServiceContext, productId: string): Promise<OcopEvaluation[]> {
  await requireProductRow(ctx.db, productId);
  return (await listEvaluationRows(ctx.db, productId)).map(rowToEvaluation);
}

export async function getEvaluation(ctx: ServiceContext, id: string): Promise<OcopEvaluation> {
  const row = await getEvaluationRow(ctx.db, id);
  if (!row) throw new AppError('OCOP_EVALUATION_NOT_FOUND', 'Không tìm thấy phiếu đánh giá này.', { id });
  return rowToEvaluation(row);
}

const LEVEL_LABEL: Record<OcopEvaluationLevel, string> = {
  self: 'chủ thể tự đánh giá',
  commune: 'UBND xã',
  province: 'Hội đồng cấp tỉnh',
  central: 'Hội đồng cấp trung ương',
};

/**
 * Saves a score sheet under the version it is made with (the product's unless a transitional version is named,
 * QĐ 26/2026/QĐ-TTg, Điều 12) and keeps the engine's result beside the answers, so an old evaluation reads the same
 * after the catalog changes. An incomplete sheet is a draft: saved, not ranked.
 */
export async function saveEvaluation(ctx: ServiceContext, input: MethodParsedInput<'ocop.evaluations.save'>): Promise<OcopEvaluation> {
  const actor = await actorOf(ctx);
  const product = await requireProductRow(ctx.db, input.productId);
  const existing = input.id ? await getEvaluationRow(ctx.db, input.id) : undefined;
  if (input.id && (!existing || existing.product_id !== product.id)) {
    throw new AppError('OCOP_EVALUATION_NOT_FOUND', 'Không tìm thấy phiếu đánh giá này.', { id: input.id });
  }
  const versionId = input.version ?? existing?.catalog_version ?? product.catalog_version;
  const { version, sheet } = ocopSheet(versionId, product.sheet_no);
  const members = input.members.map((m) => ({ name: m.name ?? null, answers: m.answers }));
  // Unknown codes and out-of-range options are refused even in a draft: the engine's messages name them.
  for (const [i, m] of members.entries()) {
    const codes = new Set(sheet.criteria.flatMap((c) => [c.code, ...c.aliases]));
    const unknown = Object.keys(m.answers).filter((k) => !codes.has(k));
    if (unknown.length > 0) {
      throw new AppError('OCOP_UNKNOWN_CRITERION', `Phiếu của ${m.name ?? `thành viên thứ ${i + 1}`}: mã tiêu chí không có trong bộ tiêu chí số ${sheet.no} (${version.id}): ${unknown.join(', ')}.`, { codes: unknown });
    }
  }
  const stored: StoredDisqualification | null =
    input.disqualification && (input.disqualification.reasons.length > 0 || input.disqualification.criteria.length > 0)
      ? { reasons: input.disqualification.reasons, criteria: input.disqualification.criteria }
      : null;
  const disqualification = toDisqualification(stored, sheet);
  const preview = previewScore(version, sheet, members.map((m) => ({ name: m.name ?? undefined, answers: m.answers })), disqualification);
  if (preview.error) throw new AppError(preview.error.code, preview.error.message);
  const complete = preview.result !== null;
  const id = existing?.id ?? ctx.newId();
  const fields = {
    level: input.level,
    catalog_version: version.id,
    sheet_no: sheet.no,
    evaluated_on: input.evaluatedOn,
    members_json: JSON.stringify(members),
    disqualification_json: stored === null ? null : JSON.stringify(stored),
    complete: complete ? (1 as const) : (0 as const),
    total: preview.result?.total ?? null,
    stars: preview.result ? preview.result.stars : null,
    result_json: JSON.stringify(preview),
    note: input.note ?? null,
    updated_by: actor.staffName,
    updated_at: actor.at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) await updateEvaluation(trx, id, fields);
    else await insertEvaluation(trx, { id, product_id: product.id, office_code: actor.office.officeCode, ...fields });
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_evaluation', entityId: id,
      action: existing ? 'update' : 'create',
      before: existing ? { total: existing.total, stars: existing.stars, complete: existing.complete } : null,
      after: { productId: product.id, level: LEVEL_LABEL[input.level], version: version.id, sheet: sheet.no, members: members.length, total: fields.total, stars: fields.stars, complete },
    });
  });
  return getEvaluation(ctx, id);
}
