import {
  COMMUNE_OUTCOMES,
  COMMUNE_OUTCOME_LABELS,
  PRODUCT_OUTCOMES,
  PRODUCT_OUTCOME_LABELS,
  type CommuneOutcome,
  type ProductOutcome,
  type RoundOutcome,
} from '../contract/plans';
import { AppError } from '../errors';

/**
 * Outcome rules of a re-assessment round (rà soát, đánh giá lại). A commune is maintained, must remedy by a date, or
 * is proposed for revocation of its recognition; an OCOP product, re-scored on the sheet in force, keeps its stars,
 * is upgraded, downgraded, or has its certificate revoked. The outcome must agree with the re-scoring: the app never
 * lets "nâng hạng" stand beside a re-scoring that gives no more stars than the certificate.
 */

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

export function outcomeLabel(kind: 'commune' | 'ocop_product', outcome: RoundOutcome): string {
  return kind === 'commune' ? COMMUNE_OUTCOME_LABELS[outcome as CommuneOutcome] : PRODUCT_OUTCOME_LABELS[outcome as ProductOutcome];
}

/** What the stars of a re-scoring call for, against the certificate's: under 3 stars no certificate stands (Điều 4). */
export function expectedProductOutcome(certificateStars: number, rescoredStars: number): ProductOutcome {
  if (rescoredStars < 3) return 'revoke';
  if (rescoredStars > certificateStars) return 'upgrade';
  if (rescoredStars < certificateStars) return 'downgrade';
  return 'maintained';
}

export type OutcomeInput = {
  kind: 'commune' | 'ocop_product';
  outcome: RoundOutcome;
  reason: string | null;
  decidedOn: string;
  remedyDue: string | null;
  remediedOn: string | null;
};

/** Refuses an outcome that does not fit the item or lacks what it needs; the message says what to change. */
export function checkOutcome(input: OutcomeInput): void {
  const allowed: readonly string[] = input.kind === 'commune' ? COMMUNE_OUTCOMES : PRODUCT_OUTCOMES;
  if (!allowed.includes(input.outcome)) {
    const names = input.kind === 'commune' ? COMMUNE_OUTCOMES.map((o) => COMMUNE_OUTCOME_LABELS[o]) : PRODUCT_OUTCOMES.map((o) => PRODUCT_OUTCOME_LABELS[o]);
    throw new AppError(
      'ROUND_OUTCOME_KIND',
      `Kết quả này không dùng cho ${input.kind === 'commune' ? 'xã' : 'sản phẩm OCOP'}; hãy chọn: ${names.join(', ')}.`,
      { outcome: input.outcome, allowed },
    );
  }
  if (input.outcome !== 'maintained' && !input.reason) {
    throw new AppError('ROUND_OUTCOME_REASON_REQUIRED', `Kết quả "${outcomeLabel(input.kind, input.outcome)}" phải ghi rõ lý do.`);
  }
  if (input.outcome === 'remedy') {
    if (!input.remedyDue) throw new AppError('ROUND_REMEDY_DUE_REQUIRED', 'Kết quả "Phải khắc phục" cần thời hạn khắc phục (phải khắc phục trước ngày …).');
    if (input.remedyDue <= input.decidedOn) {
      throw new AppError('ROUND_REMEDY_DUE_INVALID', `Thời hạn khắc phục (${vnDate(input.remedyDue)}) phải sau ngày kết luận (${vnDate(input.decidedOn)}).`);
    }
    if (input.remediedOn && input.remediedOn < input.decidedOn) {
      throw new AppError('ROUND_REMEDY_DUE_INVALID', `Ngày hoàn thành khắc phục (${vnDate(input.remediedOn)}) không được trước ngày kết luận (${vnDate(input.decidedOn)}).`);
    }
  } else if (input.remedyDue || input.remediedOn) {
    throw new AppError('ROUND_REMEDY_DUE_UNEXPECTED', 'Thời hạn và ngày khắc phục chỉ ghi cho kết quả "Phải khắc phục".');
  }
}

/**
 * A product's outcome against the stars of its re-scoring and of the certificate under review. Without a re-scoring
 * only a revocation for a violation stands (its reason says which).
 */
export function checkProductOutcome(outcome: ProductOutcome, certificateStars: number, rescoredStars: number | null): void {
  const label = PRODUCT_OUTCOME_LABELS[outcome];
  if (rescoredStars === null) {
    if (outcome === 'revoke') return;
    throw new AppError('ROUND_RESCORE_REQUIRED', `Kết quả "${label}" cần phiếu chấm lại theo bộ tiêu chí hiện hành; hãy chấm điểm lại sản phẩm rồi chọn phiếu.`);
  }
  const expected = expectedProductOutcome(certificateStars, rescoredStars);
  if (expected === outcome) return;
  const found = `chấm lại được ${rescoredStars} sao, giấy chứng nhận ${certificateStars} sao`;
  const need: Record<ProductOutcome, string> = {
    maintained: 'số sao chấm lại bằng số sao trên giấy chứng nhận',
    upgrade: 'số sao chấm lại lớn hơn số sao trên giấy chứng nhận',
    downgrade: 'số sao chấm lại ít hơn số sao trên giấy chứng nhận nhưng vẫn từ 3 sao',
    revoke: 'kết quả chấm lại dưới 3 sao (thu hồi vì vi phạm thì không gắn phiếu chấm lại và ghi rõ vi phạm ở lý do)',
  };
  throw new AppError(
    'ROUND_OUTCOME_MISMATCH',
    `Kết quả "${label}" cần ${need[outcome]}: ${found}; kết quả phù hợp là "${PRODUCT_OUTCOME_LABELS[expected]}".`,
    { outcome, expected, certificateStars, rescoredStars },
  );
}

/** "Phải khắc phục trước ngày 30/06/2021"; "Nâng hạng (3 → 4 sao)". */
export function outcomeText(kind: 'commune' | 'ocop_product', outcome: RoundOutcome, remedyDue: string | null, certificateStars: number | null, rescoredStars: number | null): string {
  const label = outcomeLabel(kind, outcome);
  if (outcome === 'remedy' && remedyDue) return `${label} trước ngày ${vnDate(remedyDue)}`;
  if ((outcome === 'upgrade' || outcome === 'downgrade') && certificateStars !== null && rescoredStars !== null) return `${label} (${certificateStars} → ${rescoredStars} sao)`;
  return label;
}
