import { AppError } from '../../core/errors';
import type { NtmLevel, NtmRecognition } from '../../core/contract/ntm';
import type { ServiceContext } from '../context';
import { checkUnitForDate } from '../reform/eraCheck';
import { roundOutcomesOf } from '../plans/atRisk';
import { audit, currentActor } from '../staff';
import { communeByCode, communeRows, officeScope } from './communes';

type Row = {
  id: string;
  code: string;
  full_name: string;
  level: NtmLevel;
  decision_no: string;
  decided_on: string;
  issuer: string;
  catalog_id: string | null;
  revoked_decision_no: string | null;
  revoked_on: string | null;
  note: string | null;
};

function toView(r: Row, outcomes: Awaited<ReturnType<typeof roundOutcomesOf>>): NtmRecognition {
  return {
    roundOutcome: outcomes.get(r.id) ?? null,
    id: r.id,
    unitCode: r.code,
    communeName: r.full_name,
    level: r.level,
    decisionNo: r.decision_no,
    decidedOn: r.decided_on,
    issuer: r.issuer,
    catalogId: r.catalog_id,
    revokedDecisionNo: r.revoked_decision_no,
    revokedOn: r.revoked_on,
    note: r.note,
  };
}

async function query(ctx: ServiceContext, officeCode: string, filter: { unitCode?: string; id?: string }) {
  let q = ctx.db
    .selectFrom('ntm_recognition as r')
    .innerJoin('ntm_commune as c', 'c.id', 'r.commune_id')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .select(['r.id', 'u.code', 'u.full_name', 'r.level', 'r.decision_no', 'r.decided_on', 'r.issuer', 'r.catalog_id', 'r.revoked_decision_no', 'r.revoked_on', 'r.note'])
    .where('r.deleted', '=', 0)
    .where('r.office_code', '=', officeCode);
  if (filter.unitCode) q = q.where('u.code', '=', filter.unitCode);
  if (filter.id) q = q.where('r.id', '=', filter.id);
  return (await q.orderBy('r.decided_on', 'desc').execute()) as Row[];
}

/** Rows as views, with the re-assessment round outcome that put each decision at stake (plans). */
async function views(ctx: ServiceContext, rows: Row[]): Promise<NtmRecognition[]> {
  const outcomes = await roundOutcomesOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => toView(r, outcomes));
}

export async function listRecognitions(ctx: ServiceContext, input: { unitCode?: string }): Promise<NtmRecognition[]> {
  const scope = await officeScope(ctx);
  await communeRows(ctx, scope);
  return views(ctx, await query(ctx, scope.officeCode, input));
}

export async function addRecognition(
  ctx: ServiceContext,
  input: { unitCode: string; level: NtmLevel; decisionNo: string; decidedOn: string; issuer: string; catalogId?: string | null; note?: string | null },
): Promise<NtmRecognition> {
  const scope = await officeScope(ctx);
  const commune = await communeByCode(ctx, scope, input.unitCode);
  if (input.decidedOn > ctx.now().toISOString().slice(0, 10)) {
    throw new AppError('RECOGNITION_DATE_IN_FUTURE', 'Ngày quyết định công nhận không được sau ngày hôm nay.');
  }
  await checkUnitForDate(ctx.db, { code: commune.code, fullName: commune.full_name, era: commune.era }, input.decidedOn, 'quyết định công nhận');
  const actor = await currentActor(ctx);
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ntm_recognition')
      .values({
        id,
        office_code: scope.officeCode,
        commune_id: commune.id,
        level: input.level,
        decision_no: input.decisionNo.normalize('NFC'),
        decided_on: input.decidedOn,
        issuer: input.issuer.normalize('NFC'),
        catalog_id: input.catalogId ?? null,
        revoked_decision_no: null,
        revoked_on: null,
        note: input.note ?? null,
        updated_at: at,
      })
      .execute();
    await audit(trx, ctx, actor, { entity: 'ntm_recognition', entityId: id, action: 'create', before: null, after: input });
  });
  return (await views(ctx, await query(ctx, scope.officeCode, { id })))[0]!;
}

export async function revokeRecognition(ctx: ServiceContext, input: { id: string; decisionNo: string; revokedOn: string }): Promise<NtmRecognition> {
  const scope = await officeScope(ctx);
  const [row] = await query(ctx, scope.officeCode, { id: input.id });
  if (!row) throw new AppError('RECOGNITION_NOT_FOUND', 'Không tìm thấy quyết định công nhận.');
  if (row.revoked_on) throw new AppError('RECOGNITION_ALREADY_REVOKED', `Quyết định ${row.decision_no} đã bị thu hồi ngày ${row.revoked_on}.`);
  if (input.revokedOn < row.decided_on) throw new AppError('REVOCATION_BEFORE_RECOGNITION', 'Ngày thu hồi không được trước ngày công nhận.');
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('ntm_recognition')
      .set((eb) => ({ revoked_decision_no: input.decisionNo.normalize('NFC'), revoked_on: input.revokedOn, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .execute();
    await audit(trx, ctx, actor, { entity: 'ntm_recognition', entityId: input.id, action: 'revoke', before: { revokedOn: null }, after: input });
  });
  return (await views(ctx, await query(ctx, scope.officeCode, { id: input.id })))[0]!;
}
