import type { Selectable } from 'kysely';
import type { NtmLevel } from '../../core/contract/ntm';
import type { OutcomeRecognition, OutcomeRescore, ProductOutcome, RoundItemOutcome, RoundOutcome, RoundScope } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import { checkOutcome, checkProductOutcome, daysBetween, outcomeText } from '../../core/plans/index';
import type { PlanRoundItemTable, PlanRoundTable } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ocopCatalog } from '../ocop/catalog';
import { todayOf } from '../ocop/actor';
import { audit, currentActor } from '../staff';
import { LEVEL_RANK } from './levelCatalog';
import { vnDate } from './officeCommunes';

type ItemRow = Selectable<PlanRoundItemTable>;
type RoundRow = Selectable<PlanRoundTable>;

export type OutcomeInput = {
  outcome: RoundOutcome | null;
  reason?: string | null;
  decidedOn?: string | null;
  remedyDue?: string | null;
  remediedOn?: string | null;
  recognitionId?: string | null;
  evaluationId?: string | null;
};

/** A certificate standing on the day: issued by then, not revoked by then (the newest if several). */
async function certificateOn(ctx: ServiceContext, productId: string, on: string) {
  const rows = await ctx.db
    .selectFrom('ocop_certificate')
    .select(['id', 'number', 'stars', 'issued_on', 'revoked_on'])
    .where('product_id', '=', productId)
    .where('deleted', '=', 0)
    .where('issued_on', '<=', on)
    .orderBy('issued_on', 'desc')
    .execute();
  return rows.find((c) => c.revoked_on === null || c.revoked_on > on) ?? null;
}

/**
 * The recognition a commune's outcome puts at stake: the one named, or the commune's standing decision on the day,
 * preferring one the round's scope rule selected, then the highest level.
 */
async function recognitionAtStake(ctx: ServiceContext, round: RoundRow, item: ItemRow, on: string, named: string | null | undefined) {
  const rows = await ctx.db
    .selectFrom('ntm_recognition')
    .select(['id', 'level', 'decision_no', 'decided_on', 'revoked_on'])
    .where('commune_id', '=', item.subject_id)
    .where('deleted', '=', 0)
    .execute();
  if (named) {
    const r = rows.find((x) => x.id === named);
    if (!r) throw new AppError('ROUND_RECOGNITION_INVALID', 'Quyết định công nhận đã chọn không phải của xã này.', { id: named });
    return r;
  }
  const scope = JSON.parse(round.scope_json) as RoundScope;
  const inScope = (r: (typeof rows)[number]) =>
    !!scope.communes && scope.communes.levels.includes(r.level) && r.decided_on >= scope.communes.recognizedFrom && r.decided_on <= scope.communes.recognizedTo;
  const standing = rows.filter((r) => r.decided_on <= on && (r.revoked_on === null || r.revoked_on > on));
  standing.sort((a, b) => Number(inScope(b)) - Number(inScope(a)) || LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || b.decided_on.localeCompare(a.decided_on));
  return standing[0] ?? null;
}

/** Checks an outcome for one item of a round and writes it (with the result it implies) in one transaction, audited. */
export async function applyOutcome(ctx: ServiceContext, round: RoundRow, item: ItemRow, input: OutcomeInput): Promise<void> {
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const today = todayOf(ctx.now());
  const kind = item.subject_kind;
  let next: Pick<ItemRow, 'outcome' | 'outcome_reason' | 'remedy_due' | 'remedied_on' | 'recognition_id' | 'evaluation_id' | 'checked_on' | 'result'>;
  if (input.outcome === null) {
    // Clearing the outcome leaves the team's conclusion (result) as it is.
    next = { outcome: null, outcome_reason: null, remedy_due: null, remedied_on: null, recognition_id: null, evaluation_id: null, checked_on: item.checked_on, result: item.result };
  } else {
    const decidedOn = input.decidedOn ?? item.checked_on ?? today;
    if (decidedOn < round.document_date) {
      throw new AppError('ROUND_OUTCOME_DATE_INVALID', `Ngày kết luận (${vnDate(decidedOn)}) không được trước ngày ban hành văn bản của đợt rà soát (${vnDate(round.document_date)}).`);
    }
    const reason = input.reason ?? null;
    checkOutcome({ kind, outcome: input.outcome, reason, decidedOn, remedyDue: input.remedyDue ?? null, remediedOn: input.remediedOn ?? null });
    let recognitionId: string | null = null;
    let evaluationId: string | null = null;
    if (kind === 'commune') {
      if (input.evaluationId) throw new AppError('ROUND_OUTCOME_KIND', 'Phiếu chấm lại OCOP chỉ gắn với sản phẩm, không gắn với xã.');
      const r = await recognitionAtStake(ctx, round, item, decidedOn, input.recognitionId);
      if (input.outcome === 'revoke_proposed') {
        if (!r) throw new AppError('ROUND_OUTCOME_NO_RECOGNITION', `Xã không có quyết định công nhận còn hiệu lực vào ngày ${vnDate(decidedOn)} để đề nghị thu hồi.`);
        if (r.revoked_on !== null && r.revoked_on <= decidedOn) {
          throw new AppError('ROUND_RECOGNITION_INVALID', `Quyết định ${r.decision_no} đã bị thu hồi ngày ${vnDate(r.revoked_on)}.`);
        }
      }
      recognitionId = r?.id ?? null;
    } else {
      if (input.recognitionId) throw new AppError('ROUND_OUTCOME_KIND', 'Quyết định công nhận NTM chỉ gắn với xã, không gắn với sản phẩm.');
      const certificate = await certificateOn(ctx, item.subject_id, decidedOn);
      if (!certificate) throw new AppError('ROUND_PRODUCT_NO_CERTIFICATE', `Sản phẩm không có giấy chứng nhận OCOP còn hiệu lực vào ngày ${vnDate(decidedOn)} để kết luận.`);
      let rescored: number | null = null;
      if (input.evaluationId) {
        const e = await ctx.db.selectFrom('ocop_evaluation').selectAll().where('id', '=', input.evaluationId).where('deleted', '=', 0).executeTakeFirst();
        if (!e || e.product_id !== item.subject_id) throw new AppError('ROUND_RESCORE_NOT_FOUND', 'Không tìm thấy phiếu chấm lại này của sản phẩm.', { id: input.evaluationId });
        const current = ocopCatalog().currentVersion;
        if (e.catalog_version !== current) {
          throw new AppError(
            'ROUND_RESCORE_OUTDATED_SHEET',
            `Phiếu chấm ngày ${vnDate(e.evaluated_on)} theo bộ tiêu chí ${e.catalog_version}; chấm lại phải theo bộ tiêu chí hiện hành (${current}).`,
            { version: e.catalog_version, current },
          );
        }
        if (e.complete !== 1 || e.stars === null) throw new AppError('ROUND_RESCORE_INCOMPLETE', `Phiếu chấm ngày ${vnDate(e.evaluated_on)} chưa chấm đủ các tiêu chí, chưa có số sao.`);
        if (e.evaluated_on < round.document_date) {
          throw new AppError('ROUND_RESCORE_BEFORE_ROUND', `Phiếu chấm ngày ${vnDate(e.evaluated_on)} có trước văn bản của đợt rà soát (${vnDate(round.document_date)}), không phải kết quả chấm lại.`);
        }
        rescored = e.stars;
        evaluationId = e.id;
      }
      checkProductOutcome(input.outcome as ProductOutcome, certificate.stars, rescored);
    }
    next = {
      outcome: input.outcome,
      outcome_reason: reason,
      remedy_due: input.remedyDue ?? null,
      remedied_on: input.remediedOn ?? null,
      recognition_id: recognitionId,
      evaluation_id: evaluationId,
      checked_on: decidedOn,
      // The team's conclusion follows: kept (duy trì, giữ hạng, nâng hạng) or not ensured.
      result: input.outcome === 'maintained' || input.outcome === 'upgrade' ? 'confirmed' : 'not_confirmed',
    };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('plan_round_item').set({ ...next, updated_at: at, version: item.version + 1 }).where('id', '=', item.id).execute();
    await audit(trx, ctx, actor, {
      entity: 'plan_round_item',
      entityId: item.id,
      action: 'outcome',
      before: { outcome: item.outcome, reason: item.outcome_reason, remedyDue: item.remedy_due, remediedOn: item.remedied_on, recognitionId: item.recognition_id, evaluationId: item.evaluation_id, result: item.result },
      after: { outcome: next.outcome, reason: next.outcome_reason, remedyDue: next.remedy_due, remediedOn: next.remedied_on, recognitionId: next.recognition_id, evaluationId: next.evaluation_id, result: next.result, decidedOn: next.checked_on },
    });
  });
}

/** The outcome of each item that has one, with the recognition or re-scoring it names; remedies past due marked. */
export async function outcomeViews(ctx: ServiceContext, items: readonly ItemRow[], today: string): Promise<Map<string, RoundItemOutcome>> {
  const out = new Map<string, RoundItemOutcome>();
  const withOutcome = items.filter((i) => i.outcome !== null);
  if (withOutcome.length === 0) return out;
  const recognitionIds = withOutcome.map((i) => i.recognition_id).filter((x): x is string => !!x);
  const evaluationIds = withOutcome.map((i) => i.evaluation_id).filter((x): x is string => !!x);
  const recognitions = recognitionIds.length
    ? await ctx.db.selectFrom('ntm_recognition').select(['id', 'level', 'decision_no', 'decided_on', 'revoked_decision_no', 'revoked_on']).where('id', 'in', recognitionIds).execute()
    : [];
  const evaluations = evaluationIds.length
    ? await ctx.db.selectFrom('ocop_evaluation').select(['id', 'catalog_version', 'evaluated_on', 'total', 'stars']).where('id', 'in', evaluationIds).execute()
    : [];
  const recognitionById = new Map(
    recognitions.map((r): [string, OutcomeRecognition] => [
      r.id,
      { id: r.id, level: r.level as NtmLevel, decisionNo: r.decision_no, decidedOn: r.decided_on, revokedDecisionNo: r.revoked_decision_no, revokedOn: r.revoked_on },
    ]),
  );
  const rescoreById = new Map(
    evaluations.map((e): [string, OutcomeRescore] => [e.id, { evaluationId: e.id, catalogVersion: e.catalog_version, evaluatedOn: e.evaluated_on, total: e.total, stars: e.stars }]),
  );
  for (const i of withOutcome) {
    const outcome = i.outcome!;
    const rescore = i.evaluation_id ? (rescoreById.get(i.evaluation_id) ?? null) : null;
    // What the outcome was checked against: the newest certificate issued by the decision (revoked since or not).
    const certificateStars =
      i.subject_kind === 'ocop_product'
        ? ((
            await ctx.db
              .selectFrom('ocop_certificate')
              .select('stars')
              .where('product_id', '=', i.subject_id)
              .where('deleted', '=', 0)
              .where('issued_on', '<=', i.checked_on ?? today)
              .orderBy('issued_on', 'desc')
              .executeTakeFirst()
          )?.stars ?? null)
        : null;
    const open = outcome === 'remedy' && i.remedy_due !== null && i.remedied_on === null;
    out.set(i.id, {
      outcome,
      label: outcomeText(i.subject_kind, outcome, i.remedy_due, certificateStars, rescore?.stars ?? null),
      reason: i.outcome_reason,
      decidedOn: i.checked_on,
      remedyDue: i.remedy_due,
      remediedOn: i.remedied_on,
      overdue: open && i.remedy_due! < today,
      daysLeft: open ? daysBetween(today, i.remedy_due!) : null,
      recognition: i.recognition_id ? (recognitionById.get(i.recognition_id) ?? null) : null,
      certificateStars,
      rescore,
    });
  }
  return out;
}
