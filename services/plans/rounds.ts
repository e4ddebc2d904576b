import type { Selectable } from 'kysely';
import { NTM_LEVEL_LABELS, type NtmLevel } from '../../core/contract/ntm';
import { ROUND_ITEM_RESULT_LABELS, type RoundDeadline, type RoundDetail, type RoundItem, type RoundItemResult, type RoundScope, type RoundSummary, type RoundTeam, type ScopePreview, type plansSchemas } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import type { PlanRoundTable } from '../../db/schema';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { communeRows, officeScope, type OfficeScope } from '../ntm/communes';
import { todayOf } from '../ocop/actor';
import { audit, currentActor } from '../staff';
import { outcomeLabel } from '../../core/plans/index';
import { compare } from './findings';
import { catalogCache } from './levelCatalog';
import { vnDate } from './officeCommunes';
import { applyOutcome, outcomeViews, type OutcomeInput } from './outcomes';
import { owners, refuseMerged, type Owners } from './owners';
import { recognitionCatalogId } from './roadmap';

type RoundRow = Selectable<PlanRoundTable>;
type Match = { kind: 'commune' | 'ocop_product'; subjectId: string; code: string; name: string; reason: string; catalogId: string | null };

/**
 * What a scope rule takes in: communes whose recognition at the chosen levels was decided in the window (not
 * revoked), and OCOP products with a certificate not revoked that was issued before the date or scored under an
 * older score-sheet version.
 */
async function matchScope(ctx: ServiceContext, scope: OfficeScope, rule: RoundScope, roundCatalogId: string | null): Promise<Match[]> {
  const out: Match[] = [];
  const catalogs = catalogCache(ctx);
  if (rule.communes) {
    if (rule.communes.recognizedTo < rule.communes.recognizedFrom) {
      throw new AppError('ROUND_SCOPE_INVALID', 'Khoảng thời gian công nhận không hợp lệ: ngày kết thúc trước ngày bắt đầu.');
    }
    const communes = await communeRows(ctx, scope);
    const byId = new Map(communes.map((c) => [c.id, c]));
    const recognitions = await ctx.db
      .selectFrom('ntm_recognition')
      .selectAll()
      .where('deleted', '=', 0)
      .where('revoked_on', 'is', null)
      .where('level', 'in', rule.communes.levels)
      .where('decided_on', '>=', rule.communes.recognizedFrom)
      .where('decided_on', '<=', rule.communes.recognizedTo)
      .orderBy('decided_on')
      .execute();
    const taken = new Map<string, Match>();
    for (const r of recognitions) {
      const c = byId.get(r.commune_id);
      if (!c) continue;
      const reason = `Công nhận ${NTM_LEVEL_LABELS[r.level as NtmLevel]} ngày ${vnDate(r.decided_on)} (${r.decision_no})`;
      const prev = taken.get(c.id);
      if (prev) {
        prev.reason += `; ${reason}`;
        continue;
      }
      const catalogId = roundCatalogId ?? (await recognitionCatalogId(catalogs, r));
      taken.set(c.id, { kind: 'commune', subjectId: c.id, code: c.code, name: c.full_name, reason, catalogId });
    }
    out.push(...[...taken.values()].sort((a, b) => a.code.localeCompare(b.code)));
  }
  if (rule.products) {
    const p = rule.products;
    const rows = await ctx.db
      .selectFrom('ocop_certificate as c')
      .innerJoin('ocop_product as p', 'p.id', 'c.product_id')
      .leftJoin('ocop_evaluation as e', 'e.id', 'c.evaluation_id')
      .select(['p.id', 'p.product_code', 'p.name', 'p.catalog_version', 'e.catalog_version as evaluation_version', 'c.number', 'c.issued_on', 'c.stars'])
      .where('p.office_code', '=', scope.officeCode)
      .where('p.deleted', '=', 0)
      .where('c.deleted', '=', 0)
      .where('c.revoked_on', 'is', null)
      .orderBy('p.product_code')
      .orderBy('c.issued_on')
      .execute();
    const anyRule = (p.certifiedBefore ?? null) !== null || p.catalogVersions.length > 0;
    const taken = new Map<string, Match>();
    for (const r of rows) {
      const version = r.evaluation_version ?? r.catalog_version;
      const before = p.certifiedBefore ? r.issued_on < p.certifiedBefore : false;
      const older = p.catalogVersions.includes(version);
      if (anyRule && !before && !older) continue;
      if (p.stars.length > 0 && !(p.stars as number[]).includes(r.stars)) continue;
      const reason = `GCN ${r.number} ngày ${vnDate(r.issued_on)}, ${r.stars} sao, chấm theo ${version}`;
      const prev = taken.get(r.id);
      if (prev) prev.reason += `; ${reason}`;
      else taken.set(r.id, { kind: 'ocop_product', subjectId: r.id, code: r.product_code, name: r.name, reason, catalogId: null });
    }
    out.push(...taken.values());
  }
  return out;
}

export async function previewScope(ctx: ServiceContext, rule: RoundScope): Promise<ScopePreview> {
  const scope = await officeScope(ctx);
  const matches = await matchScope(ctx, scope, rule, null);
  return {
    items: matches.map((m) => ({ kind: m.kind, code: m.code, name: m.name, reason: m.reason })),
    communeCount: matches.filter((m) => m.kind === 'commune').length,
    productCount: matches.filter((m) => m.kind === 'ocop_product').length,
  };
}

/** A round the office may read: its own, or in province mode one merged from another office's bundle. */
async function roundRow(ctx: ServiceContext, scope: OfficeScope, id: string): Promise<RoundRow> {
  let q = ctx.db.selectFrom('plan_round').selectAll().where('id', '=', id).where('deleted', '=', 0);
  if (scope.kind !== 'province') q = q.where('office_code', '=', scope.officeCode);
  const r = await q.executeTakeFirst();
  if (!r) throw new AppError('ROUND_NOT_FOUND', 'Không tìm thấy đợt rà soát.', { id });
  return r;
}

/** A round the office may change: its own only. */
async function ownRoundRow(ctx: ServiceContext, scope: OfficeScope, id: string): Promise<RoundRow> {
  const r = await roundRow(ctx, scope, id);
  refuseMerged(scope, r.office_code, 'Đợt rà soát');
  return r;
}

function deadlineState(dueOn: string | null, doneOn: string | null, today: string): RoundDeadline['state'] {
  if (doneOn) return 'done';
  if (!dueOn) return 'unset';
  return today > dueOn ? 'overdue' : 'pending';
}

async function detailOf(ctx: ServiceContext, r: RoundRow, who: Owners): Promise<RoundDetail> {
  const today = todayOf(ctx.now());
  const teamRows = await ctx.db.selectFrom('plan_round_team').selectAll().where('round_id', '=', r.id).where('deleted', '=', 0).orderBy('created_at').execute();
  const itemRows = await ctx.db.selectFrom('plan_round_item').selectAll().where('round_id', '=', r.id).where('deleted', '=', 0).execute();
  const communeIds = itemRows.filter((i) => i.subject_kind === 'commune').map((i) => i.subject_id);
  const productIds = itemRows.filter((i) => i.subject_kind === 'ocop_product').map((i) => i.subject_id);
  const communes = communeIds.length
    ? await ctx.db.selectFrom('ntm_commune as c').innerJoin('admin_unit as u', 'u.id', 'c.unit_id').select(['c.id', 'u.code', 'u.full_name']).where('c.id', 'in', communeIds).execute()
    : [];
  const products = productIds.length ? await ctx.db.selectFrom('ocop_product').select(['id', 'product_code', 'name']).where('id', 'in', productIds).execute() : [];
  const findings = await ctx.db
    .selectFrom('plan_finding')
    .select(['commune_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', '=', r.id)
    .where('source', '=', 'doan_tham_dinh')
    .where('deleted', '=', 0)
    .groupBy('commune_id')
    .execute();
  const findingCount = new Map(findings.map((f) => [f.commune_id, Number(f.n)]));
  const communeById = new Map(communes.map((c) => [c.id, c]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
  const outcomes = await outcomeViews(ctx, itemRows, today);
  const items: RoundItem[] = itemRows
    .map((i) => {
      const c = i.subject_kind === 'commune' ? communeById.get(i.subject_id) : undefined;
      const p = i.subject_kind === 'ocop_product' ? productById.get(i.subject_id) : undefined;
      return {
        id: i.id,
        kind: i.subject_kind,
        code: c?.code ?? p?.product_code ?? i.subject_id,
        name: c?.full_name ?? p?.name ?? '',
        reason: i.reason,
        teamId: i.team_id,
        teamName: i.team_id ? (teamName.get(i.team_id) ?? null) : null,
        productId: p?.id ?? null,
        result: i.result,
        resultNote: i.result_note,
        checkedOn: i.checked_on,
        catalogId: i.catalog_id,
        findingCount: c ? (findingCount.get(i.subject_id) ?? 0) : 0,
        differences: null as number | null,
        overstated: null as number | null,
        outcome: outcomes.get(i.id) ?? null,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code));
  // The objectivity check of the directives, per commune and for the round: where the team and the commune disagree.
  for (const item of items) {
    if (item.kind !== 'commune' || item.findingCount === 0) continue;
    const view = await compare(ctx, { roundId: r.id, unitCode: item.code });
    item.differences = view.differences;
    item.overstated = view.overstated;
  }
  const teams: RoundTeam[] = teamRows.map((t) => ({
    id: t.id,
    name: t.name,
    leader: t.leader,
    members: JSON.parse(t.members_json) as RoundTeam['members'],
    itemCount: items.filter((i) => i.teamId === t.id).length,
  }));
  const staffed = teams.filter((t) => t.members.length > 0);
  const teamsDone = staffed.length > 0 ? teamRows.filter((t) => JSON.parse(t.members_json).length > 0).map((t) => t.created_at.slice(0, 10)).sort()[0]! : null;
  const membersDone = teams.length > 0 && staffed.length === teams.length ? teamRows.map((t) => t.updated_at.slice(0, 10)).sort().reverse()[0]! : null;
  const reviewDone = items.length > 0 && items.every((i) => i.result !== 'pending') ? (items.map((i) => i.checkedOn ?? '').sort().reverse()[0] || today) : null;
  const deadlines: RoundDeadline[] = [
    { key: 'members', label: 'Gửi danh sách thành viên đoàn', dueOn: r.members_due, doneOn: membersDone },
    { key: 'teams', label: 'Thành lập đoàn công tác liên ngành', dueOn: r.teams_due, doneOn: teamsDone },
    { key: 'review', label: 'Hoàn thành rà soát, thẩm định', dueOn: r.review_due, doneOn: reviewDone },
    { key: 'report', label: 'Báo cáo kết quả', dueOn: r.report_due, doneOn: r.reported_on },
  ].map((d) => ({ ...(d as Omit<RoundDeadline, 'state'>), state: deadlineState(d.dueOn, d.doneOn, today) }));
  const outcomeCounts: RoundDetail['outcomeCounts'] = {};
  for (const i of items) if (i.outcome) outcomeCounts[i.outcome.outcome] = (outcomeCounts[i.outcome.outcome] ?? 0) + 1;
  return {
    ...who.of(r.office_code),
    id: r.id,
    title: r.title,
    documentNo: r.document_no,
    documentDate: r.document_date,
    issuer: r.issuer,
    catalogId: r.catalog_id,
    scope: JSON.parse(r.scope_json) as RoundScope,
    communeCount: items.filter((i) => i.kind === 'commune').length,
    productCount: items.filter((i) => i.kind === 'ocop_product').length,
    reviewedCount: items.filter((i) => i.result !== 'pending').length,
    notConfirmedCount: items.filter((i) => i.result === 'not_confirmed').length,
    differenceCount: items.reduce((a, i) => a + (i.differences ?? 0), 0),
    overstatedCount: items.reduce((a, i) => a + (i.overstated ?? 0), 0),
    communesWithDifferences: items.filter((i) => (i.differences ?? 0) > 0).length,
    teamCount: teams.length,
    reportedOn: r.reported_on,
    deadlines,
    updatedAt: r.updated_at,
    outcomeCounts,
    remedyOverdueCount: items.filter((i) => i.outcome?.overdue).length,
    note: r.note,
    conclusion: r.conclusion,
    teams,
    items,
  };
}

export async function getRound(ctx: ServiceContext, id: string): Promise<RoundDetail> {
  const scope = await officeScope(ctx);
  return detailOf(ctx, await roundRow(ctx, scope, id), await owners(ctx, scope));
}

/** The office's rounds, newest first; in province mode also those merged from other offices' bundles (read-only), after its own. */
export async function listRounds(ctx: ServiceContext): Promise<RoundSummary[]> {
  const scope = await officeScope(ctx);
  const who = await owners(ctx, scope);
  let q = ctx.db.selectFrom('plan_round').selectAll().where('deleted', '=', 0);
  if (!who.all) q = q.where('office_code', '=', scope.officeCode);
  const rows = await q
    .orderBy((eb) => eb.case().when('office_code', '=', scope.officeCode).then(0).else(1).end())
    .orderBy('office_code')
    .orderBy('document_date', 'desc')
    .execute();
  const out: RoundSummary[] = [];
  for (const r of rows) {
    const { teams: _teams, items: _items, note: _note, conclusion: _conclusion, ...summary } = await detailOf(ctx, r, who);
    out.push(summary);
  }
  return out;
}

export type SaveRoundInput = z.output<typeof plansSchemas.roundSave>;

/** Saves a round and applies its scope rule in the same transaction; items with work on them stay. */
export async function saveRound(ctx: ServiceContext, input: SaveRoundInput): Promise<RoundDetail> {
  const scope = await officeScope(ctx);
  const before = input.id ? await ownRoundRow(ctx, scope, input.id) : null;
  if (input.catalogId) {
    const exists = await ctx.db.selectFrom('ntm_catalog').select('id').where('id', '=', input.catalogId).executeTakeFirst();
    if (!exists) throw new AppError('CATALOG_NOT_FOUND', `Không có bộ tiêu chí "${input.catalogId}".`, { id: input.catalogId });
  }
  const dates = [input.membersDue, input.teamsDue, input.reviewDue, input.reportDue].filter((d): d is string => !!d);
  if (dates.some((d) => d < input.documentDate)) {
    throw new AppError('ROUND_DEADLINE_INVALID', 'Thời hạn không được trước ngày ban hành văn bản.');
  }
  // The steps follow one another: members named, team formed, review done, report sent.
  const steps = [
    { label: 'gửi danh sách thành viên', on: input.membersDue },
    { label: 'thành lập đoàn', on: input.teamsDue },
    { label: 'hoàn thành rà soát', on: input.reviewDue },
    { label: 'báo cáo kết quả', on: input.reportDue },
  ].filter((d): d is { label: string; on: string } => !!d.on);
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.on < steps[i - 1]!.on) {
      throw new AppError('ROUND_DEADLINE_INVALID', `Thời hạn ${steps[i]!.label} không được trước thời hạn ${steps[i - 1]!.label}.`, { deadlines: steps });
    }
  }
  const matches = await matchScope(ctx, scope, input.scope, input.catalogId ?? null);
  // A new round must take something in; a re-saved one keeps the items already worked on (see below).
  if (matches.length === 0 && !before) {
    throw new AppError(
      'ROUND_SCOPE_EMPTY',
      input.scope.communes || input.scope.products
        ? 'Quy tắc phạm vi không chọn được xã hay sản phẩm nào của văn phòng; hãy kiểm tra mức công nhận, khoảng thời gian hoặc điều kiện sản phẩm.'
        : 'Chưa chọn phạm vi rà soát: hãy chọn xã đã công nhận trong một khoảng thời gian, hoặc sản phẩm OCOP.',
    );
  }
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const id = input.id ?? ctx.newId();
  const fields = {
    title: input.title,
    document_no: input.documentNo,
    document_date: input.documentDate,
    issuer: input.issuer,
    catalog_id: input.catalogId ?? null,
    scope_json: JSON.stringify(input.scope),
    members_due: input.membersDue ?? null,
    teams_due: input.teamsDue ?? null,
    review_due: input.reviewDue ?? null,
    report_due: input.reportDue ?? null,
    note: input.note ?? null,
  };
  const existing = before ? await ctx.db.selectFrom('plan_round_item').selectAll().where('round_id', '=', id).execute() : [];
  const worked = new Set(
    (before ? await ctx.db.selectFrom('plan_finding').select('commune_id').distinct().where('round_id', '=', id).where('deleted', '=', 0).execute() : []).map((f) => f.commune_id),
  );
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('plan_round').set({ ...fields, updated_at: at, version: before.version + 1 }).where('id', '=', id).execute();
    else await trx.insertInto('plan_round').values({ id, office_code: scope.officeCode, ...fields, reported_on: null, conclusion: null, updated_at: at }).execute();
    const key = (kind: string, subject: string) => `${kind}/${subject}`;
    const have = new Map(existing.map((e) => [key(e.subject_kind, e.subject_id), e]));
    const wanted = new Set(matches.map((m) => key(m.kind, m.subjectId)));
    for (const m of matches) {
      const e = have.get(key(m.kind, m.subjectId));
      if (e && e.deleted === 0) continue;
      if (e) {
        await trx.updateTable('plan_round_item').set({ deleted: 0, reason: m.reason, catalog_id: m.catalogId, updated_at: at, version: e.version + 1 }).where('id', '=', e.id).execute();
      } else {
        await trx
          .insertInto('plan_round_item')
          .values({ id: ctx.newId(), office_code: scope.officeCode, round_id: id, subject_kind: m.kind, subject_id: m.subjectId, reason: m.reason, catalog_id: m.catalogId, team_id: null, result_note: null, checked_on: null, updated_at: at })
          .execute();
      }
    }
    for (const e of existing) {
      if (e.deleted === 1 || wanted.has(key(e.subject_kind, e.subject_id))) continue;
      if (e.result !== 'pending' || worked.has(e.subject_id)) continue;
      await trx.updateTable('plan_round_item').set({ deleted: 1, updated_at: at, version: e.version + 1 }).where('id', '=', e.id).execute();
    }
    await audit(trx, ctx, actor, { entity: 'plan_round', entityId: id, action: before ? 'update' : 'create', before: before ? { ...before, scope_json: undefined, scope: JSON.parse(before.scope_json) } : null, after: { ...input, matched: matches.length } });
  });
  return getRound(ctx, id);
}

export type SaveTeamInput = z.output<typeof plansSchemas.teamSave>;

export async function saveTeam(ctx: ServiceContext, input: SaveTeamInput): Promise<RoundDetail> {
  const scope = await officeScope(ctx);
  const round = await ownRoundRow(ctx, scope, input.roundId);
  const detail = await detailOf(ctx, round, await owners(ctx, scope));
  const before = input.id ? detail.teams.find((t) => t.id === input.id) : undefined;
  if (input.id && !before) throw new AppError('ROUND_TEAM_NOT_FOUND', 'Không tìm thấy đoàn trong đợt rà soát này.', { id: input.id });
  const byCode = new Map(detail.items.filter((i) => i.kind === 'commune').map((i) => [i.code, i]));
  const productItems = await ctx.db.selectFrom('plan_round_item').select(['id', 'subject_id']).where('round_id', '=', round.id).where('subject_kind', '=', 'ocop_product').where('deleted', '=', 0).execute();
  const byProduct = new Map(productItems.map((i) => [i.subject_id, i.id]));
  const unitCodes = input.unitCodes ?? [];
  const productIds = input.productIds ?? [];
  const missing = [...unitCodes.filter((c) => !byCode.has(c)), ...productIds.filter((p) => !byProduct.has(p))];
  if (missing.length > 0) throw new AppError('ROUND_ITEM_NOT_IN_SCOPE', `Không thuộc phạm vi đợt rà soát: ${missing.join(', ')}.`, { missing });
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const id = input.id ?? ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    const fields = { name: input.name, leader: input.leader ?? null, members_json: JSON.stringify(input.members.map((m) => ({ name: m.name, organisation: m.organisation, sector: m.sector ?? null, role: m.role ?? null }))) };
    if (before) await trx.updateTable('plan_round_team').set((eb) => ({ ...fields, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', id).execute();
    else await trx.insertInto('plan_round_team').values({ id, office_code: scope.officeCode, round_id: round.id, ...fields, created_at: at, updated_at: at }).execute();
    const itemIds = [...unitCodes.map((c) => byCode.get(c)!.id), ...productIds.map((p) => byProduct.get(p)!)];
    if (itemIds.length > 0) {
      await trx.updateTable('plan_round_item').set((eb) => ({ team_id: id, updated_at: at, version: eb('version', '+', 1) })).where('id', 'in', itemIds).execute();
    }
    // Given lists are the whole assignment: this team's items left out of them are no longer its own.
    const given = new Set(itemIds);
    const kinds = [...(input.unitCodes ? ['commune' as const] : []), ...(input.productIds ? ['ocop_product' as const] : [])];
    if (before && kinds.length > 0) {
      const dropped = (await trx.selectFrom('plan_round_item').select(['id', 'subject_kind']).where('round_id', '=', round.id).where('team_id', '=', id).where('deleted', '=', 0).execute())
        .filter((i) => kinds.includes(i.subject_kind) && !given.has(i.id))
        .map((i) => i.id);
      if (dropped.length > 0) {
        await trx.updateTable('plan_round_item').set((eb) => ({ team_id: null, updated_at: at, version: eb('version', '+', 1) })).where('id', 'in', dropped).execute();
      }
    }
    await audit(trx, ctx, actor, { entity: 'plan_round_team', entityId: id, action: before ? 'update' : 'create', before: before ?? null, after: input });
  });
  return getRound(ctx, round.id);
}

export async function setItemResult(
  ctx: ServiceContext,
  input: { roundId: string; itemId: string; result: RoundItemResult; checkedOn?: string | null; note?: string | null },
): Promise<RoundDetail> {
  const scope = await officeScope(ctx);
  const round = await ownRoundRow(ctx, scope, input.roundId);
  const item = await roundItem(ctx, round, input.itemId);
  // An outcome recorded implies the conclusion; change the outcome first (or clear it) to change the conclusion.
  if (item.outcome !== null) {
    const implied: RoundItemResult = item.outcome === 'maintained' || item.outcome === 'upgrade' ? 'confirmed' : 'not_confirmed';
    if (input.result !== implied) {
      throw new AppError(
        'ROUND_OUTCOME_CONFLICT',
        `Kết luận "${ROUND_ITEM_RESULT_LABELS[input.result]}" trái với kết quả xử lý đã ghi ("${outcomeLabel(item.subject_kind, item.outcome)}"); hãy sửa kết quả xử lý trước.`,
        { outcome: item.outcome, result: input.result },
      );
    }
  }
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  const checkedOn = input.result === 'pending' ? null : (input.checkedOn ?? todayOf(ctx.now()));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('plan_round_item')
      .set({ result: input.result, checked_on: checkedOn, result_note: input.note ?? null, updated_at: at, version: item.version + 1 })
      .where('id', '=', item.id)
      .execute();
    await audit(trx, ctx, actor, {
      entity: 'plan_round_item',
      entityId: item.id,
      action: 'result',
      before: { result: item.result, note: item.result_note },
      after: { result: input.result, checkedOn, note: input.note ?? null },
    });
  });
  return getRound(ctx, round.id);
}

export async function reportRound(ctx: ServiceContext, input: { id: string; reportedOn: string; conclusion: string }): Promise<RoundDetail> {
  const scope = await officeScope(ctx);
  const round = await ownRoundRow(ctx, scope, input.id);
  if (input.reportedOn < round.document_date) throw new AppError('ROUND_DEADLINE_INVALID', 'Ngày báo cáo không được trước ngày ban hành văn bản.');
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('plan_round').set({ reported_on: input.reportedOn, conclusion: input.conclusion, updated_at: at, version: round.version + 1 }).where('id', '=', round.id).execute();
    await audit(trx, ctx, actor, { entity: 'plan_round', entityId: round.id, action: 'report', before: { reportedOn: round.reported_on }, after: input });
  });
  return getRound(ctx, round.id);
}

async function roundItem(ctx: ServiceContext, round: RoundRow, itemId: string) {
  const item = await ctx.db.selectFrom('plan_round_item').selectAll().where('id', '=', itemId).where('round_id', '=', round.id).where('deleted', '=', 0).executeTakeFirst();
  if (!item) throw new AppError('ROUND_ITEM_NOT_FOUND', 'Không tìm thấy xã hoặc sản phẩm này trong đợt rà soát.', { id: itemId });
  return item;
}

/**
 * The round's outcome for one commune (duy trì / phải khắc phục trước ngày … / đề nghị thu hồi) or OCOP product
 * (giữ hạng / nâng hạng / hạ hạng / thu hồi), with its reason. "Phải khắc phục" and "đề nghị thu hồi" feed the NTM
 * at-risk list until the remedy is recorded or the recognition revoked. Outcomes may still be recorded after the
 * round reported (the report proposes them; the remedy comes later).
 */
export async function setOutcome(ctx: ServiceContext, input: OutcomeInput & { roundId: string; itemId: string }): Promise<RoundDetail> {
  const scope = await officeScope(ctx);
  const round = await ownRoundRow(ctx, scope, input.roundId);
  const item = await roundItem(ctx, round, input.itemId);
  await applyOutcome(ctx, round, item, input);
  return getRound(ctx, round.id);
}
