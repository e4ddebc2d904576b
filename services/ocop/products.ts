import type { MethodParsedInput, OcopCommuneReport, OcopProductDetail, OcopProductSummary, OcopSelfReport } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import type { ProductStatus, ProducerKind } from '../../core/ocop';
import {
  addWorkingDays,
  canMoveProduct,
  classificationText,
  COMMUNE_REVIEW_WORKING_DAYS,
  formatProductCode,
  nextEvaluationRound,
  PRODUCER_KINDS,
  PRODUCT_STATUSES,
  PRODUCT_TRANSITIONS,
  producerKindAllowedFor,
  registrationKindAfter,
} from '../../core/ocop';
import { matchesQuery } from '../../core/text/vietnamese';
import { writeAudit } from '../../db/audit';
import { listCertificateRows } from '../../db/ocop/certificates';
import { listEvaluationRows } from '../../db/ocop/evaluations';
import { getProducerRow } from '../../db/ocop/producers';
import { insertProduct, insertProductEvent, listProductEvents, listProductRows, nextProductSequence, updateProduct, type ProductRow } from '../../db/ocop/products';
import { getUnitRow } from '../../db/units';
import type { ServiceContext } from '../context';
import { actorOf, todayOf } from './actor';
import { ocopCatalog, ocopSheet } from './catalog';
import { rowToCertificate } from './certificates';
import { dossierView } from './dossier';
import { rowToEvaluation } from './evaluations';
import { communeName, getProducer, requireCommune } from './producers';
import { requireProductRow } from './productRows';
import { newFormatCodeFor } from '../reform/newProductCode';

/** The sheet's name; a version no longer shipped still shows its number. */
function sheetNameOf(versionId: string, sheetNo: number): string {
  try {
    return ocopSheet(versionId, sheetNo).sheet.name;
  } catch {
    return `Bộ tiêu chí số ${sheetNo}`;
  }
}

async function summarize(ctx: ServiceContext, row: ProductRow, today: string): Promise<OcopProductSummary> {
  const producer = await getProducerRow(ctx.db, row.producer_id);
  const evaluations = await listEvaluationRows(ctx.db, row.id);
  const latest = evaluations[0];
  const certificates = await listCertificateRows(ctx.db, row.id);
  const dossier = await dossierView(ctx.db, row.id, row.registration_kind, row.sheet_no);
  const sheetName = sheetNameOf(row.catalog_version, row.sheet_no);
  return {
    id: row.id,
    name: row.name,
    producerId: row.producer_id,
    producerName: producer?.name ?? '',
    unitCode: row.unit_code,
    unitName: await communeName(ctx, row.unit_code),
    sheetNo: row.sheet_no,
    sheetName,
    catalogVersion: row.catalog_version,
    productCode: row.product_code,
    newProductCode: row.new_product_code,
    registrationKind: row.registration_kind,
    status: row.status as ProductStatus,
    statusSince: row.status_since,
    communeDueOn:
      row.status === 'commune_review' && row.commune_received_on ? addWorkingDays(row.commune_received_on, COMMUNE_REVIEW_WORKING_DAYS) : null,
    latestEvaluation: latest
      ? { id: latest.id, level: latest.level, total: latest.total, stars: latest.stars, disqualified: latest.complete === 1 && latest.stars === 0 }
      : null,
    certificate: certificates[0] ? rowToCertificate(certificates[0], today) : null,
    dossier: { required: dossier.required, satisfied: dossier.satisfied },
    updatedAt: row.updated_at,
  };
}

export async function listProducts(ctx: ServiceContext, input: MethodParsedInput<'ocop.products.list'>): Promise<OcopProductSummary[]> {
  const today = todayOf(ctx.now());
  const rows = await listProductRows(ctx.db, { status: input.status, producerId: input.producerId });
  const out: OcopProductSummary[] = [];
  for (const row of rows) {
    const s = await summarize(ctx, row, today);
    if (input.query && !matchesQuery(`${s.name} ${s.producerName} ${s.productCode} ${s.unitName}`, input.query)) continue;
    out.push(s);
  }
  return out;
}

export async function getProduct(ctx: ServiceContext, id: string): Promise<OcopProductDetail> {
  const today = todayOf(ctx.now());
  const row = await requireProductRow(ctx.db, id);
  const summary = await summarize(ctx, row, today);
  return {
    ...summary,
    producer: await getProducer(ctx, row.producer_id),
    description: row.description,
    classification: classificationText(row.sheet_no),
    codeYear: row.code_year,
    sequence: row.sequence,
    communeReceivedOn: row.commune_received_on,
    selfReport: JSON.parse(row.self_report_json) as OcopSelfReport,
    communeReport: JSON.parse(row.commune_report_json) as OcopCommuneReport,
    events: (await listProductEvents(ctx.db, id)).map((e) => ({
      id: e.id,
      fromStatus: e.from_status as ProductStatus | null,
      toStatus: e.to_status as ProductStatus,
      onDate: e.on_date,
      note: e.note,
      staffName: e.staff_name,
    })),
    evaluations: (await listEvaluationRows(ctx.db, id)).map(rowToEvaluation),
    certificates: (await listCertificateRows(ctx.db, id)).map((c) => rowToCertificate(c, today)),
    allowedMoves: [...PRODUCT_TRANSITIONS[row.status as ProductStatus]],
    nextRound: nextEvaluationRound('province', today),
  };
}

/**
 * Registers a product (status "đăng ký") with the next number of its commune in the code (T)-(X)-(STT)-(năm) of
 * Phụ lục II, or corrects one. The sheet cannot change once the product has been scored on it.
 */
export async function saveProduct(ctx: ServiceContext, input: MethodParsedInput<'ocop.products.save'>): Promise<OcopProductDetail> {
  const actor = await actorOf(ctx);
  const producer = await getProducerRow(ctx.db, input.producerId);
  if (!producer) throw new AppError('OCOP_PRODUCER_NOT_FOUND', 'Không tìm thấy chủ thể OCOP này (có thể đã bị xóa).', { id: input.producerId });
  if (!producerKindAllowedFor(producer.kind as ProducerKind, input.sheetNo)) {
    throw new AppError(
      'OCOP_PRODUCER_KIND_NOT_ALLOWED',
      `${PRODUCER_KINDS[producer.kind as ProducerKind]} chỉ được đăng ký sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch (bộ tiêu chí số 26), QĐ 26/2026/QĐ-TTg, Điều 2, khoản 3.`,
      { kind: producer.kind, sheetNo: input.sheetNo },
    );
  }
  await requireCommune(ctx, input.unitCode);
  const unit = (await getUnitRow(ctx.db, 'commune', 'current', input.unitCode))!;
  const before = input.id ? await requireProductRow(ctx.db, input.id) : undefined;
  if (before && before.sheet_no !== input.sheetNo && (await listEvaluationRows(ctx.db, before.id)).length > 0) {
    throw new AppError('OCOP_SHEET_LOCKED', 'Sản phẩm đã được chấm điểm theo bộ tiêu chí hiện tại; không đổi được bộ tiêu chí.', { sheetNo: before.sheet_no });
  }
  const year = input.codeYear ?? before?.code_year ?? Number(actor.today.slice(0, 4));
  const sequence = before && before.unit_code === input.unitCode ? before.sequence : await nextProductSequence(ctx.db, input.unitCode);
  // A product re-pointed across the 2025 reform keeps the code it was certified under (its number and year unchanged).
  const productCode =
    before && before.unit_code === input.unitCode && before.sequence === sequence && before.code_year === year
      ? before.product_code
      : formatProductCode({ provinceCode: unit.province_code, communeCode: input.unitCode, sequence, year });
  const fields = {
    producer_id: producer.id,
    name: input.name,
    unit_code: input.unitCode,
    sheet_no: input.sheetNo,
    sequence,
    code_year: year,
    product_code: productCode,
    registration_kind: input.registrationKind,
    description: input.description ?? null,
    self_report_json: JSON.stringify(input.selfReport ?? (before ? JSON.parse(before.self_report_json) : {})),
    commune_report_json: JSON.stringify(input.communeReport ?? (before ? JSON.parse(before.commune_report_json) : {})),
    updated_at: actor.at,
  };
  const id = before?.id ?? ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (before) {
      await updateProduct(trx, id, fields);
    } else {
      await insertProduct(trx, {
        id, ...fields, catalog_version: ocopCatalog().currentVersion, status: 'registered', status_since: actor.today, commune_received_on: null,
        office_code: actor.office.officeCode,
      });
      await insertProductEvent(trx, {
        id: ctx.newId(), product_id: id, from_status: null, to_status: 'registered', on_date: actor.today, note: null,
        staff_name: actor.staffName, office_code: actor.office.officeCode, updated_at: actor.at,
      });
    }
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_product', entityId: id,
      action: before ? 'update' : 'create',
      before: before ? { name: before.name, unitCode: before.unit_code, sheetNo: before.sheet_no, productCode: before.product_code } : null,
      after: { name: fields.name, unitCode: fields.unit_code, sheetNo: fields.sheet_no, productCode, registrationKind: fields.registration_kind },
    });
  });
  return getProduct(ctx, id);
}

export async function setProductStatus(ctx: ServiceContext, input: MethodParsedInput<'ocop.products.setStatus'>): Promise<OcopProductDetail> {
  const actor = await actorOf(ctx);
  const row = await requireProductRow(ctx.db, input.id);
  const from = row.status as ProductStatus;
  if (!canMoveProduct(from, input.status)) {
    const allowed = PRODUCT_TRANSITIONS[from].map((s) => PRODUCT_STATUSES[s]);
    const how =
      input.status === 'recognized'
        ? ' Công nhận được ghi bằng quyết định và giấy chứng nhận.'
        : input.status === 'revoked'
          ? ' Thu hồi được ghi bằng quyết định thu hồi giấy chứng nhận.'
          : '';
    throw new AppError(
      'OCOP_STATUS_MOVE_REFUSED',
      `Không chuyển được từ "${PRODUCT_STATUSES[from]}" sang "${PRODUCT_STATUSES[input.status]}".${how} Có thể chuyển sang: ${allowed.join(', ') || 'không có'}.`,
      { from, to: input.status, allowed: PRODUCT_TRANSITIONS[from] },
    );
  }
  const on = input.on ?? actor.today;
  const kind = registrationKindAfter(input.status, row.registration_kind);
  // Re-evaluated after the reform: gains the new-format code, keeps the certified one (services/reform/newProductCode.ts).
  const newCode = input.status === 're_evaluating' ? await newFormatCodeFor(ctx.db, row, Number(on.slice(0, 4))) : null;
  await ctx.db.transaction().execute(async (trx) => {
    await updateProduct(trx, row.id, {
      ...(newCode ? { new_product_code: newCode.code, sequence: newCode.sequence } : {}),
      status: input.status,
      status_since: on,
      registration_kind: kind,
      commune_received_on: input.status === 'commune_review' ? on : row.commune_received_on,
      updated_at: actor.at,
    });
    await insertProductEvent(trx, {
      id: ctx.newId(), product_id: row.id, from_status: from, to_status: input.status, on_date: on, note: input.note ?? null,
      staff_name: actor.staffName, office_code: actor.office.officeCode, updated_at: actor.at,
    });
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_product', entityId: row.id, action: 'status',
      before: { status: from, registrationKind: row.registration_kind },
      after: { status: input.status, registrationKind: kind, on, note: input.note ?? null, ...(newCode ? { newProductCode: newCode.code, certifiedCode: row.product_code } : {}) },
    });
  });
  return getProduct(ctx, row.id);
}

export async function deleteProduct(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  const actor = await actorOf(ctx);
  const row = await requireProductRow(ctx.db, id);
  await ctx.db.transaction().execute(async (trx) => {
    await updateProduct(trx, id, { deleted: 1, updated_at: actor.at });
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_product', entityId: id, action: 'delete',
      before: { name: row.name, productCode: row.product_code, status: row.status }, after: null,
    });
  });
  return { deleted: true };
}
