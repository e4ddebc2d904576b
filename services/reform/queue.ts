import type { Kysely, Selectable } from 'kysely';
import type { ReformQueueItem } from '../../core/contract/reform';
import { AppError } from '../../core/errors';
import { getOfficeProfile } from '../../db/office';
import type { Database, ReformQueueTable } from '../../db/schema';
import type { ServiceContext } from '../context';
import { audit, currentActor } from '../staff';
import { addressOf, setAddressUnit } from './addressedRecords';
import { oldUnitLinks } from './lineageLinks';

type QueueRow = Selectable<ReformQueueTable>;
type StoredCandidate = { code: string; share: 'full' | 'partial' };

async function toItems(db: Kysely<Database>, rows: QueueRow[]): Promise<ReformQueueItem[]> {
  const lineage = await oldUnitLinks(db, rows.map((r) => r.old_code));
  const out: ReformQueueItem[] = [];
  for (const row of rows) {
    const offered = JSON.parse(row.candidates_json) as StoredCandidate[];
    const old = lineage.get(row.old_code)!;
    const record = await addressOf(db, row.entity, row.entity_id);
    const owner = await db.selectFrom(row.entity).select('office_code').where('id', '=', row.entity_id).executeTakeFirst();
    out.push({
      queueId: row.id,
      entity: row.entity,
      id: row.entity_id,
      label: record?.label ?? '(đã xóa)',
      officeCode: owner?.office_code ?? '',
      oldCode: row.old_code,
      oldName: old.oldName,
      status: row.status,
      // The candidates offered when queued, with what the lineage says of each now.
      candidates: offered.flatMap((c) => {
        const link = old.links.find((l) => l.unit.code === c.code);
        return link ? [{ unit: link.unit, share: link.share, resolution: link.resolution, clauseText: link.clauseText }] : [];
      }),
      resolvedCode: row.resolved_code,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }
  return out;
}

export async function listQueue(ctx: ServiceContext, input: { status: 'open' | 'pending' | 'later' | 'resolved' | 'all' }): Promise<ReformQueueItem[]> {
  let q = ctx.db.selectFrom('reform_queue').selectAll();
  if (input.status === 'open') q = q.where('status', '<>', 'resolved');
  else if (input.status !== 'all') q = q.where('status', '=', input.status);
  return toItems(ctx.db, await q.orderBy('created_at').orderBy('id').execute());
}

/**
 * Resolves one queued record: the chosen code must be one of the candidates it was queued with; the record moves
 * there with an audit entry citing the clause that gave that new unit part of the old one. 'later' keeps it open
 * (status "later", audited). One transaction.
 */
export async function resolveQueueItem(ctx: ServiceContext, input: { id: string; newUnitCode: string }): Promise<ReformQueueItem> {
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('reform_queue').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('REFORM_QUEUE_NOT_FOUND', 'Không tìm thấy mục chờ xác nhận này.', { id: input.id });
    if (row.status === 'resolved') {
      throw new AppError('REFORM_QUEUE_RESOLVED', `Mục này đã được xác nhận (chuyển về đơn vị mã ${row.resolved_code ?? '?'}).`, { id: row.id, resolvedCode: row.resolved_code });
    }
    if (input.newUnitCode === 'later') {
      await trx.updateTable('reform_queue').set({ status: 'later', updated_at: at }).where('id', '=', row.id).execute();
      await audit(trx, ctx, actor, { entity: 'reform_queue', entityId: row.id, action: 'later', before: { status: row.status }, after: { status: 'later' } });
      return;
    }
    const offered = JSON.parse(row.candidates_json) as StoredCandidate[];
    const old = (await oldUnitLinks(trx, [row.old_code])).get(row.old_code)!;
    const link = old.links.find((l) => l.unit.code === input.newUnitCode);
    if (!offered.some((c) => c.code === input.newUnitCode) || !link) {
      const names = old.links.filter((l) => offered.some((c) => c.code === l.unit.code)).map((l) => `${l.unit.fullName} (${l.unit.code})`);
      throw new AppError(
        'REFORM_CANDIDATE_INVALID',
        `Mã ${input.newUnitCode} không phải đơn vị đã tiếp nhận ${old.oldName ?? `đơn vị mã ${row.old_code}`}. Chọn một trong: ${names.join(', ')}; hoặc để sau.`,
        { id: row.id, newUnitCode: input.newUnitCode, candidates: offered.map((c) => c.code) },
      );
    }
    const record = await addressOf(trx, row.entity, row.entity_id);
    if (!record || record.unitCode !== row.old_code) {
      throw new AppError(
        'REFORM_RECORD_CHANGED',
        record ? `Bản ghi đã được sửa địa chỉ (nay là mã ${record.unitCode}) sau khi vào danh sách chờ; không đổi gì.` : 'Bản ghi đã bị xóa; không đổi gì.',
        { id: row.id, unitCode: record?.unitCode ?? null },
      );
    }
    const owner = await trx.selectFrom(row.entity).select('office_code').where('id', '=', row.entity_id).executeTakeFirst();
    const office = await getOfficeProfile(trx);
    await setAddressUnit(trx, row.entity, row.entity_id, link.unit.code, at, owner?.office_code === office?.officeCode);
    await trx.updateTable('reform_queue').set({ status: 'resolved', resolved_code: link.unit.code, resolved_by: actor.name, updated_at: at }).where('id', '=', row.id).execute();
    await audit(trx, ctx, actor, {
      entity: row.entity,
      entityId: row.entity_id,
      action: 'reform_repoint',
      before: { unitCode: row.old_code, unitName: old.oldName },
      after: { unitCode: link.unit.code, unitName: link.unit.fullName, share: link.share, confirmedFrom: offered.map((c) => c.code), queueId: row.id, resolution: link.resolution, clauseId: link.clauseId, clause: link.clauseText },
    });
  });
  const [item] = await toItems(ctx.db, await ctx.db.selectFrom('reform_queue').selectAll().where('id', '=', input.id).execute());
  return item!;
}
