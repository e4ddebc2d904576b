import type { MethodParsedInput, OcopCertificate, OcopDueItem, OcopRound } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import type { ProductStatus } from '../../core/ocop';
import { EVALUATION_ROUNDS, addDays, addWorkingDays, certificateExpiry, COMMUNE_REVIEW_WORKING_DAYS, formatIsoDate, nextEvaluationRound, reEvaluationWindow } from '../../core/ocop';
import { writeAudit } from '../../db/audit';
import { getCertificateRow, insertCertificate, listCertificateRows, updateCertificate, type CertificateRow } from '../../db/ocop/certificates';
import { getEvaluationRow, listEvaluationRows } from '../../db/ocop/evaluations';
import { insertProductEvent, listProductRows, updateProduct } from '../../db/ocop/products';
import type { ServiceContext } from '../context';
import { actorOf, todayOf } from './actor';
import { vnDate } from './format';
import { requireProductRow } from './productRows';

export function rowToCertificate(row: CertificateRow, today: string): OcopCertificate {
  return {
    id: row.id,
    productId: row.product_id,
    evaluationId: row.evaluation_id,
    number: row.number,
    decisionNo: row.decision_no,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    stars: row.stars,
    issuer: row.issuer,
    revokedOn: row.revoked_on,
    revokedDecisionNo: row.revoked_decision_no,
    revokedReason: row.revoked_reason,
    state: row.revoked_on ? 'revoked' : today > row.expires_on ? 'expired' : 'valid',
    window: reEvaluationWindow(row.expires_on),
  };
}

export async function listCertificates(ctx: ServiceContext, productId?: string): Promise<OcopCertificate[]> {
  const today = todayOf(ctx.now());
  return (await listCertificateRows(ctx.db, productId)).map((r) => rowToCertificate(r, today));
}

/** Statuses from which a recognition decision may be recorded: after the council's scoring, or a re-evaluation. */
const ISSUABLE_FROM: readonly ProductStatus[] = ['sent_to_province', 'evaluating', 'recognized', 'expired'];

/**
 * Records the recognition decision and its certificate (QĐ 26/2026/QĐ-TTg, Điều 4): 3–4 sao by Chủ tịch UBND tỉnh,
 * 5 sao by Bộ trưởng Bộ NN&MT; valid 36 months (khoản 3). When an evaluation is named its stars must match.
 */
export async function issueCertificate(ctx: ServiceContext, input: MethodParsedInput<'ocop.certificates.issue'>): Promise<OcopCertificate> {
  const actor = await actorOf(ctx);
  const product = await requireProductRow(ctx.db, input.productId);
  if (!ISSUABLE_FROM.includes(product.status as ProductStatus)) {
    throw new AppError(
      'OCOP_CERTIFICATE_NOT_ALLOWED',
      'Chỉ ghi nhận quyết định công nhận cho sản phẩm đã gửi tỉnh, đang đánh giá, hoặc đánh giá lại sản phẩm đã công nhận.',
      { status: product.status },
    );
  }
  if (input.evaluationId) {
    const evaluation = await getEvaluationRow(ctx.db, input.evaluationId);
    if (!evaluation || evaluation.product_id !== product.id) {
      throw new AppError('OCOP_EVALUATION_NOT_FOUND', 'Không tìm thấy phiếu đánh giá này của sản phẩm.', { id: input.evaluationId });
    }
    if (evaluation.complete !== 1 || evaluation.stars !== input.stars) {
      throw new AppError(
        'OCOP_CERTIFICATE_STARS_MISMATCH',
        `Kết quả đánh giá là ${evaluation.stars ?? 'chưa xếp hạng'} sao, không khớp với ${input.stars} sao trên giấy chứng nhận.`,
        { evaluationStars: evaluation.stars, stars: input.stars },
      );
    }
  }
  const issuer = input.stars === 5 ? 'Bộ trưởng Bộ Nông nghiệp và Môi trường' : `Chủ tịch UBND ${actor.office.provinceName || 'cấp tỉnh'}`;
  const id = ctx.newId();
  const row = {
    id,
    product_id: product.id,
    evaluation_id: input.evaluationId ?? null,
    number: input.number,
    decision_no: input.decisionNo,
    issued_on: input.issuedOn,
    expires_on: certificateExpiry(input.issuedOn),
    stars: input.stars,
    issuer,
    revoked_on: null,
    revoked_decision_no: null,
    revoked_reason: null,
    office_code: actor.office.officeCode,
    updated_at: actor.at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertCertificate(trx, row);
    await updateProduct(trx, product.id, { status: 'recognized', status_since: input.issuedOn, updated_at: actor.at });
    await insertProductEvent(trx, {
      id: ctx.newId(), product_id: product.id, from_status: product.status, to_status: 'recognized', on_date: input.issuedOn,
      note: `Quyết định ${input.decisionNo}; giấy chứng nhận số ${input.number}, ${input.stars} sao`, staff_name: actor.staffName,
      office_code: actor.office.officeCode, updated_at: actor.at,
    });
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_certificate', entityId: id, action: 'issue',
      before: null, after: { productId: product.id, number: input.number, decisionNo: input.decisionNo, issuedOn: input.issuedOn, expiresOn: row.expires_on, stars: input.stars },
    });
  });
  return rowToCertificate({ ...row, version: 1, deleted: 0 }, actor.today);
}

/** QĐ 26/2026/QĐ-TTg, Điều 8: the revoking decision is recorded; the certificate row stays. */
export async function revokeCertificate(ctx: ServiceContext, input: MethodParsedInput<'ocop.certificates.revoke'>): Promise<OcopCertificate> {
  const actor = await actorOf(ctx);
  const cert = await getCertificateRow(ctx.db, input.id);
  if (!cert) throw new AppError('OCOP_CERTIFICATE_NOT_FOUND', 'Không tìm thấy giấy chứng nhận này.', { id: input.id });
  if (cert.revoked_on) throw new AppError('OCOP_CERTIFICATE_REVOKED', `Giấy chứng nhận số ${cert.number} đã bị thu hồi ngày ${vnDate(cert.revoked_on)}.`);
  const product = await requireProductRow(ctx.db, cert.product_id);
  await ctx.db.transaction().execute(async (trx) => {
    await updateCertificate(trx, cert.id, { revoked_on: input.revokedOn, revoked_decision_no: input.decisionNo, revoked_reason: input.reason, updated_at: actor.at });
    await updateProduct(trx, product.id, { status: 'revoked', status_since: input.revokedOn, updated_at: actor.at });
    await insertProductEvent(trx, {
      id: ctx.newId(), product_id: product.id, from_status: product.status, to_status: 'revoked', on_date: input.revokedOn,
      note: `Quyết định thu hồi ${input.decisionNo}: ${input.reason}`, staff_name: actor.staffName, office_code: actor.office.officeCode, updated_at: actor.at,
    });
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_certificate', entityId: cert.id, action: 'revoke',
      before: { revokedOn: null }, after: { revokedOn: input.revokedOn, decisionNo: input.decisionNo, reason: input.reason },
    });
  });
  const updated = await getCertificateRow(ctx.db, cert.id);
  return rowToCertificate(updated!, actor.today);
}

/** Statuses of a product still on its way to the provincial council. */
const BEFORE_PROVINCE: readonly string[] = ['registered', 'commune_review', 'sent_to_province', 're_evaluating', 'upgrading'];

/**
 * Everything due within the horizon, soonest first: the commune's 15 working days (Điều 7, khoản 2), re-evaluation
 * windows 180–120 days before expiry (khoản 6, điểm a), expiries (Điều 4, khoản 3), and the next proposal deadline
 * of a provincial round (Điều 5, khoản 1).
 */
export async function dueSoon(ctx: ServiceContext, input: MethodParsedInput<'ocop.dueSoon'>): Promise<OcopDueItem[]> {
  const on = input.on ?? todayOf(ctx.now());
  const until = addDays(on, input.horizonDays);
  const products = await listProductRows(ctx.db);
  const certificates = await listCertificateRows(ctx.db);
  const out: OcopDueItem[] = [];
  for (const p of products) {
    const ref = { productId: p.id, productName: p.name, productCode: p.product_code };
    if (p.status === 'commune_review' && p.commune_received_on) {
      const due = addWorkingDays(p.commune_received_on, COMMUNE_REVIEW_WORKING_DAYS);
      if (due <= until) {
        out.push({
          ...ref, kind: 'commune_review', dueOn: due, opensOn: null, overdue: due < on,
          message: `UBND xã kiểm tra hồ sơ, lập Mẫu 03 và gửi tỉnh trong 15 ngày làm việc (nhận ngày ${vnDate(p.commune_received_on)}): hạn ${vnDate(due)}.`,
        });
      }
    }
    const cert = certificates.find((c) => c.product_id === p.id && !c.revoked_on);
    if (cert && (p.status === 'recognized' || p.status === 'expired')) {
      const w = reEvaluationWindow(cert.expires_on);
      if (w.opensOn <= until && on <= w.closesOn) {
        out.push({
          ...ref, kind: 're_evaluation_window', dueOn: w.closesOn, opensOn: w.opensOn, overdue: false,
          message: `Nộp hồ sơ đánh giá lại từ ${vnDate(w.opensOn)} đến ${vnDate(w.closesOn)} (giấy chứng nhận số ${cert.number} hết hạn ${vnDate(cert.expires_on)}).`,
        });
      }
      if (cert.expires_on <= until) {
        const late = on > w.closesOn;
        out.push({
          ...ref, kind: 'certificate_expiry', dueOn: cert.expires_on, opensOn: null, overdue: cert.expires_on < on,
          message:
            `Giấy chứng nhận số ${cert.number} (${cert.stars} sao) hết hạn ngày ${vnDate(cert.expires_on)}.` +
            (late ? ` Đã quá hạn nộp hồ sơ đánh giá lại (${vnDate(w.closesOn)}); nếu nộp muộn, giấy chứng nhận kéo dài tối đa đến ${vnDate(w.lateExtensionUntil)}.` : ''),
        });
      }
    }
  }
  const round = nextEvaluationRound('province', on);
  if (round.proposeBefore <= until) {
    const waiting = products.filter((p) => BEFORE_PROVINCE.includes(p.status)).length;
    out.push({
      kind: 'round_deadline', productId: null, productName: null, productCode: null, dueOn: addDays(round.proposeBefore, -1), opensOn: null, overdue: false,
      message: `Đợt ${round.round} cấp tỉnh: UBND xã đề nghị trước ngày ${vnDate(round.proposeBefore)}, đánh giá trước ngày ${vnDate(round.evaluateBefore)}; ${waiting} sản phẩm đang chuẩn bị hồ sơ.`,
    });
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

/** The regular rounds of Điều 5 in a year, each with the products that can still enter it. */
export async function listRounds(ctx: ServiceContext, year: number): Promise<OcopRound[]> {
  const products = await listProductRows(ctx.db);
  const evaluations = await listEvaluationRows(ctx.db);
  const rounds: OcopRound[] = [];
  for (const level of ['province', 'central'] as const) {
    for (const rule of EVALUATION_ROUNDS[level]) {
      const proposeBefore = formatIsoDate(year, rule.proposeBefore[0], rule.proposeBefore[1]);
      const evaluateBefore = formatIsoDate(year, rule.evaluateBefore[0], rule.evaluateBefore[1]);
      const waiting =
        level === 'province'
          ? products.filter((p) => BEFORE_PROVINCE.includes(p.status) && nextEvaluationRound('province', p.status_since).proposeBefore === proposeBefore).length
          : products.filter((p) => {
              const latest = evaluations.find((e) => e.product_id === p.id && e.level === 'province' && e.complete === 1);
              return p.status === 'evaluating' && latest !== undefined && (latest.total ?? 0) >= 90;
            }).length;
      rounds.push({ level, round: rule.round, proposeBefore, evaluateBefore, waiting });
    }
  }
  return rounds.sort((a, b) => (a.proposeBefore < b.proposeBefore ? -1 : 1));
}
