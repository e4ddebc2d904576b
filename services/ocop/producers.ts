import type { MethodParsedInput, OcopProducer } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import type { ProducerKind } from '../../core/ocop';
import { matchesQuery } from '../../core/text/vietnamese';
import { writeAudit } from '../../db/audit';
import { countProductsByProducer, getProducerRow, insertProducer, listProducerRows, updateProducer, type ProducerRow } from '../../db/ocop/producers';
import { getUnitRow } from '../../db/units';
import type { ServiceContext } from '../context';
import { communeForDate } from '../reform/eraCheck';
import { actorOf, todayOf } from './actor';

export function rowToProducer(row: ProducerRow, unitName: string, productCount: number): OcopProducer {
  return {
    id: row.id,
    kind: row.kind as ProducerKind,
    name: row.name,
    taxCode: row.tax_code,
    legalRepName: row.legal_rep_name,
    legalRepTitle: row.legal_rep_title,
    legalRepGender: row.legal_rep_gender,
    legalRepEthnicity: row.legal_rep_ethnicity,
    legalRepAddress: row.legal_rep_address,
    address: row.address,
    unitCode: row.unit_code,
    unitName,
    phone: row.phone,
    email: row.email,
    foundedOn: row.founded_on,
    note: row.note,
    productCount,
    updatedAt: row.updated_at,
  };
}

/** Full name of a current commune ("Xã Bình Lư"), or the code when the reference list does not have it. */
export async function communeName(ctx: ServiceContext, code: string): Promise<string> {
  const unit = await getUnitRow(ctx.db, 'commune', 'current', code);
  return unit?.full_name ?? code;
}

export async function requireCommune(ctx: ServiceContext, code: string): Promise<void> {
  if (!(await getUnitRow(ctx.db, 'commune', 'current', code))) {
    // An old code used today is refused naming the new unit(s) that took it over (UNIT_ERA_MISMATCH).
    await communeForDate(ctx.db, code, todayOf(ctx.now()), 'hồ sơ OCOP lập');
    throw new AppError('UNIT_NOT_FOUND', `Không có xã/phường mã "${code}" trong danh mục đơn vị hành chính hiện hành.`, { unitCode: code });
  }
}

export async function listProducers(ctx: ServiceContext, input: MethodParsedInput<'ocop.producers.list'>): Promise<OcopProducer[]> {
  const rows = await listProducerRows(ctx.db);
  const counts = await countProductsByProducer(ctx.db);
  const q = input.query?.trim() ?? '';
  const out: OcopProducer[] = [];
  for (const row of rows) {
    if (q && !matchesQuery(`${row.name} ${row.tax_code ?? ''} ${row.legal_rep_name}`, q)) continue;
    out.push(rowToProducer(row, await communeName(ctx, row.unit_code), counts.get(row.id) ?? 0));
  }
  return out;
}

export async function getProducer(ctx: ServiceContext, id: string): Promise<OcopProducer> {
  const row = await getProducerRow(ctx.db, id);
  if (!row) throw new AppError('OCOP_PRODUCER_NOT_FOUND', 'Không tìm thấy chủ thể OCOP này (có thể đã bị xóa).', { id });
  const counts = await countProductsByProducer(ctx.db);
  return rowToProducer(row, await communeName(ctx, row.unit_code), counts.get(id) ?? 0);
}

export async function saveProducer(ctx: ServiceContext, input: MethodParsedInput<'ocop.producers.save'>): Promise<OcopProducer> {
  const actor = await actorOf(ctx);
  await requireCommune(ctx, input.unitCode);
  const fields = {
    kind: input.kind,
    name: input.name,
    tax_code: input.taxCode ?? null,
    legal_rep_name: input.legalRepName,
    legal_rep_title: input.legalRepTitle ?? null,
    legal_rep_gender: input.legalRepGender ?? null,
    legal_rep_ethnicity: input.legalRepEthnicity ?? null,
    legal_rep_address: input.legalRepAddress ?? null,
    address: input.address,
    unit_code: input.unitCode,
    phone: input.phone ?? null,
    email: input.email ?? null,
    founded_on: input.foundedOn ?? null,
    note: input.note ?? null,
  };
  const before = input.id ? await getProducerRow(ctx.db, input.id) : undefined;
  if (input.id && !before) throw new AppError('OCOP_PRODUCER_NOT_FOUND', 'Không tìm thấy chủ thể OCOP này (có thể đã bị xóa).', { id: input.id });
  const id = input.id ?? ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await updateProducer(trx, id, { ...fields, updated_at: actor.at });
    else await insertProducer(trx, { id, ...fields, office_code: actor.office.officeCode, updated_at: actor.at });
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_producer', entityId: id,
      action: before ? 'update' : 'create', before: before ?? null, after: fields,
    });
  });
  return getProducer(ctx, id);
}

export async function deleteProducer(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  const actor = await actorOf(ctx);
  const before = await getProducerRow(ctx.db, id);
  if (!before) throw new AppError('OCOP_PRODUCER_NOT_FOUND', 'Không tìm thấy chủ thể OCOP này (có thể đã bị xóa).', { id });
  const products = (await countProductsByProducer(ctx.db)).get(id) ?? 0;
  if (products > 0) {
    throw new AppError('OCOP_PRODUCER_HAS_PRODUCTS', `Chủ thể "${before.name}" còn ${products} sản phẩm; hãy xóa hoặc chuyển các sản phẩm trước.`, { id, products });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateProducer(trx, id, { deleted: 1, updated_at: actor.at });
    await writeAudit(trx, { at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_producer', entityId: id, action: 'delete', before, after: null });
  });
  return { deleted: true };
}
