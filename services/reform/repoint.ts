import type { Kysely } from 'kysely';
import type { ReformRecord, ReformRepointResult } from '../../core/contract/reform';
import { AppError } from '../../core/errors';
import { getOfficeProfile } from '../../db/office';
import type { Database } from '../../db/schema';
import type { ServiceContext } from '../context';
import { audit, currentActor, type Actor } from '../staff';
import { recordsOffCurrentMap, setAddressUnit } from './addressedRecords';
import { oldUnitLinks } from './lineageLinks';

type Plan = Omit<ReformRepointResult, 'dryRun'>;

/**
 * What re-pointing would do with each record addressed to a unit that is not on the current map:
 * - exactly one lineage link, `full`: move it to that new unit;
 * - a `partial` link (the old unit was split) or several links: the review queue, candidates listed, nothing guessed;
 * - owned by another office (merged from its bundle): left to that office, whose next bundle carries the change
 *   (changing it here would fork the record: services/exchange/mergeRecords.ts keeps the higher version);
 * - no lineage at all (a code in neither list): reported as unknown.
 */
async function plan(db: Kysely<Database>, officeCode: string): Promise<Plan> {
  const records = await recordsOffCurrentMap(db);
  const lineage = await oldUnitLinks(db, records.map((r) => r.unitCode));
  const open = new Map(
    (await db.selectFrom('reform_queue').select(['id', 'entity', 'entity_id']).where('status', '<>', 'resolved').execute()).map((q) => [`${q.entity}/${q.entity_id}`, q.id]),
  );
  const out: Plan = { repointed: [], queued: [], otherOffice: [], unknown: [] };
  for (const r of records) {
    const old = lineage.get(r.unitCode)!;
    const record: ReformRecord = { entity: r.entity, id: r.id, label: r.label, officeCode: r.officeCode, oldCode: r.unitCode, oldName: old.oldName };
    if (old.links.length === 0) out.unknown.push(record);
    else if (r.officeCode !== officeCode) out.otherOffice.push(record);
    else if (old.links.length === 1 && old.links[0]!.share === 'full') {
      const link = old.links[0]!;
      out.repointed.push({ ...record, newCode: link.unit.code, newName: link.unit.fullName, resolution: link.resolution });
    } else {
      out.queued.push({ ...record, candidates: old.links.map(({ clauseId: _, ...c }) => c), queueId: open.get(`${r.entity}/${r.id}`) ?? null });
    }
  }
  return out;
}

async function apply(trx: Kysely<Database>, ctx: ServiceContext, actor: Actor, p: Plan): Promise<void> {
  const at = ctx.now().toISOString();
  const lineage = await oldUnitLinks(trx, p.repointed.map((r) => r.oldCode));
  for (const r of p.repointed) {
    const link = lineage.get(r.oldCode)!.links[0]!;
    await setAddressUnit(trx, r.entity, r.id, r.newCode, at);
    await audit(trx, ctx, actor, {
      entity: r.entity,
      entityId: r.id,
      action: 'reform_repoint',
      before: { unitCode: r.oldCode, unitName: r.oldName },
      after: { unitCode: r.newCode, unitName: r.newName, share: 'full', resolution: link.resolution, clauseId: link.clauseId, clause: link.clauseText },
    });
  }
  for (const q of p.queued) {
    if (q.queueId) continue;
    const id = ctx.newId();
    const candidates = q.candidates.map((c) => ({ code: c.unit.code, share: c.share }));
    await trx
      .insertInto('reform_queue')
      .values({ id, entity: q.entity, entity_id: q.id, old_code: q.oldCode, candidates_json: JSON.stringify(candidates), status: 'pending', resolved_code: null, created_at: at, updated_at: at, resolved_by: null })
      .execute();
    await audit(trx, ctx, actor, {
      entity: 'reform_queue',
      entityId: id,
      action: 'create',
      before: null,
      after: { entity: q.entity, entityId: q.id, oldCode: q.oldCode, candidates, resolutions: [...new Set(q.candidates.map((c) => c.resolution))] },
    });
    q.queueId = id;
  }
}

/**
 * Re-points this office's records from old units to new ones (see plan): everything in one transaction, an audit
 * entry per record naming the resolution and its clause. A dry run returns the plan and writes nothing.
 */
export async function repoint(ctx: ServiceContext, input: { dryRun: boolean }): Promise<ReformRepointResult> {
  const office = await getOfficeProfile(ctx.db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Chưa thiết lập văn phòng. Hãy hoàn thành bước thiết lập ban đầu.');
  if (input.dryRun) return { dryRun: true, ...(await plan(ctx.db, office.officeCode)) };
  const actor = await currentActor(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const p = await plan(trx, office.officeCode);
    await apply(trx, ctx, actor, p);
    return { dryRun: false, ...p };
  });
}
