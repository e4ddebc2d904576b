import { ROUND_ITEM_RESULT_LABELS, type RoundItem } from '../../core/contract/plans';
import { vnDate } from './officeCommunes';

/** One item's conclusion and outcome as the round's report and its annex print them. */
export type ItemOutcomeView = {
  /** The team's conclusion: "Giữ chuẩn / giữ hạng", "Không đảm bảo", "Chưa rà soát". */
  result: string;
  checkedOn: string | null;
  note: string | null;
  /** The outcome decided for it ("Phải khắc phục trước ngày 30/06/2021", "Hạ hạng (4 → 3 sao)"); null until recorded. */
  outcome: string | null;
  reason: string | null;
  remedyDue: string | null;
  remediedOn: string | null;
  /** The recognition decision at stake (communes), with its revocation once recorded. */
  decision: string | null;
  /** Products: the certificate's stars and the re-scoring's. */
  stars: string | null;
  /** Everything above as one paragraph of text, for a table cell. */
  text: string;
};

/**
 * The single place that renders a round item's result and outcome (maintained / must remedy by a date / proposed
 * for revocation; OCOP maintained / upgrade / downgrade / revoke) for the documents: the DOCX table and the XLSX
 * annex both read it, so a field added to RoundItem is printed by changing this function only.
 */
export function itemOutcomeView(item: RoundItem): ItemOutcomeView {
  const o = item.outcome ?? null;
  const decision = o?.recognition
    ? `Quyết định công nhận số ${o.recognition.decisionNo} ngày ${vnDate(o.recognition.decidedOn)}${o.recognition.revokedOn ? `, đã thu hồi theo Quyết định số ${o.recognition.revokedDecisionNo ?? ''} ngày ${vnDate(o.recognition.revokedOn)}` : ''}`
    : null;
  const stars =
    o && (o.certificateStars !== null || o.rescore)
      ? [
          o.certificateStars !== null ? `GCN ${o.certificateStars} sao` : null,
          o.rescore ? `chấm lại ${o.rescore.stars ?? '—'} sao${o.rescore.total !== null ? ` (${String(o.rescore.total).replace('.', ',')} điểm)` : ''} theo ${o.rescore.catalogVersion} ngày ${vnDate(o.rescore.evaluatedOn)}` : null,
        ]
          .filter(Boolean)
          .join(', ')
      : null;
  const view = {
    // "Giữ chuẩn / giữ hạng" is said for what the item is: a commune keeps its standard, a product its stars.
    result: item.result === 'confirmed' ? (item.kind === 'commune' ? 'Giữ chuẩn' : 'Giữ hạng') : ROUND_ITEM_RESULT_LABELS[item.result],
    checkedOn: item.checkedOn,
    note: item.resultNote,
    outcome: o?.label ?? null,
    reason: o?.reason ?? null,
    remedyDue: o?.remedyDue ?? null,
    remediedOn: o?.remediedOn ?? null,
    decision,
    stars,
  };
  const parts = [
    // The team's note is often the outcome's reason word for word: said once.
    `${view.result}${view.checkedOn ? ` (ngày ${vnDate(view.checkedOn)})` : ''}${view.note && view.note !== view.reason ? `: ${view.note}` : ''}.`,
    view.outcome ? `${view.outcome}${view.reason ? `: ${view.reason}` : ''}.` : null,
    view.remediedOn ? `Đã khắc phục ngày ${vnDate(view.remediedOn)}.` : o?.overdue ? 'Quá hạn khắc phục.' : null,
    view.decision ? `${view.decision}.` : null,
    view.stars ? `${view.stars.charAt(0).toLocaleUpperCase('vi-VN')}${view.stars.slice(1)}.` : null,
  ].filter((p): p is string => p !== null);
  return { ...view, text: parts.join(' ').replace(/\.\./g, '.') };
}
