import type { NtmAtRisk } from '../../core/contract/ntm';
import { daysBetween } from '../../core/plans/index';
import type { ServiceContext } from '../context';

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Communes a re-assessment round put at risk: their latest outcome (decided by the end of the period) is "phải khắc
 * phục" with the remedy not yet recorded, or "đề nghị thu hồi" with the recognition not yet revoked. They join the NTM
 * at-risk list with the round named as the source; a remedy past its deadline is marked overdue.
 */
export async function roundAtRisk(
  ctx: ServiceContext,
  communes: readonly { id: string; code: string; full_name: string }[],
  periodEnd: string,
  today: string,
): Promise<NtmAtRisk[]> {
  if (communes.length === 0) return [];
  const byId = new Map(communes.map((c) => [c.id, c]));
  const rows = await ctx.db
    .selectFrom('plan_round_item as i')
    .innerJoin('plan_round as r', 'r.id', 'i.round_id')
    .leftJoin('ntm_recognition as n', 'n.id', 'i.recognition_id')
    .select([
      'i.subject_id',
      'i.outcome',
      'i.outcome_reason',
      'i.remedy_due',
      'i.remedied_on',
      'i.checked_on',
      'i.updated_at',
      'r.id as round_id',
      'r.title',
      'r.document_no',
      'r.document_date',
      'n.decision_no',
      'n.revoked_on',
    ])
    .where('i.subject_kind', '=', 'commune')
    .where('i.deleted', '=', 0)
    .where('r.deleted', '=', 0)
    .where('i.outcome', 'is not', null)
    .where('i.checked_on', '<=', periodEnd)
    .execute();
  // The latest outcome per commune speaks: a later round's "duy trì" lifts an earlier "phải khắc phục".
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    if (!byId.has(r.subject_id)) continue;
    const prev = latest.get(r.subject_id);
    const key = (x: typeof r) => `${x.checked_on}|${x.document_date}|${x.updated_at}`;
    if (!prev || key(r) > key(prev)) latest.set(r.subject_id, r);
  }
  const asOf = today < periodEnd ? today : periodEnd;
  const out: NtmAtRisk[] = [];
  for (const [communeId, r] of latest) {
    if (r.outcome !== 'remedy' && r.outcome !== 'revoke_proposed') continue;
    // Resolved: the recognition revoked, or the remedy done, by the end of the period.
    if (r.revoked_on && r.revoked_on <= periodEnd) continue;
    if (r.outcome === 'remedy' && r.remedied_on && r.remedied_on <= periodEnd) continue;
    const c = byId.get(communeId)!;
    const source = `Đợt "${r.title}" (${r.document_no} ngày ${vnDate(r.document_date)})`;
    const reason = r.outcome_reason ? ` (lý do: ${r.outcome_reason.replace(/[.\s]+$/, '')})` : '';
    const overdue = r.outcome === 'remedy' && r.remedy_due !== null && r.remedy_due < asOf;
    const message =
      r.outcome === 'revoke_proposed'
        ? `${source} đề nghị thu hồi quyết định công nhận${r.decision_no ? ` ${r.decision_no}` : ''}${reason}.`
        : `${source} kết luận phải khắc phục trước ngày ${vnDate(r.remedy_due!)}${reason}.` +
          (overdue ? ` Đã quá hạn ${daysBetween(r.remedy_due!, asOf)} ngày, chưa ghi nhận hoàn thành khắc phục.` : '');
    out.push({
      unitCode: c.code,
      name: c.full_name,
      message,
      source: 'round',
      round: { id: r.round_id, title: r.title, documentNo: r.document_no, documentDate: r.document_date, outcome: r.outcome, remedyDue: r.remedy_due, overdue },
    });
  }
  return out.sort((a, b) => a.unitCode.localeCompare(b.unitCode));
}

/** The latest round outcome that put each recognition at stake, for the recognitions list. */
export async function roundOutcomesOf(ctx: ServiceContext, recognitionIds: readonly string[]) {
  if (recognitionIds.length === 0) return new Map<string, { roundId: string; roundTitle: string; documentNo: string; outcome: 'remedy' | 'revoke_proposed'; reason: string | null; remedyDue: string | null }>();
  const rows = await ctx.db
    .selectFrom('plan_round_item as i')
    .innerJoin('plan_round as r', 'r.id', 'i.round_id')
    .select(['i.recognition_id', 'i.outcome', 'i.outcome_reason', 'i.remedy_due', 'i.checked_on', 'r.id as round_id', 'r.title', 'r.document_no'])
    .where('i.recognition_id', 'in', [...recognitionIds])
    .where('i.outcome', 'in', ['remedy', 'revoke_proposed'])
    .where('i.deleted', '=', 0)
    .where('r.deleted', '=', 0)
    .orderBy('i.checked_on')
    .execute();
  const out = new Map<string, { roundId: string; roundTitle: string; documentNo: string; outcome: 'remedy' | 'revoke_proposed'; reason: string | null; remedyDue: string | null }>();
  for (const r of rows) {
    out.set(r.recognition_id!, { roundId: r.round_id, roundTitle: r.title, documentNo: r.document_no, outcome: r.outcome as 'remedy' | 'revoke_proposed', reason: r.outcome_reason, remedyDue: r.remedy_due });
  }
  return out;
}
