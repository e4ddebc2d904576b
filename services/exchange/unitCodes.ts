import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { REFORM_DATE, type UnitEra } from '../../core/contract/domain';
import type { BundleUnitMapping } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import { periodEndDate } from '../../core/ntm/period';
import { unitEraFitsDate } from '../../core/reform/unitEraForDate';
import type { Database } from '../../db/schema';
import type { BundleRecord } from '../bundle/index';
import { oldUnitLinks, type OldUnitLinks } from '../reform/lineageLinks';

/*
 * A bundle's unit codes, read against this installation's unit lists and the 2025 lineage (issue: "an Excel sheet
 * or a bundle that uses old unit codes imports through the lineage, with a report of what was mapped and what
 * waits for confirmation, all in one transaction").
 *
 * OCOP producers and products address a unit by a bare code (ocop_producer.unit_code, ocop_product.unit_code):
 * - a current commune code is kept;
 * - an old code with one `full` link (NQ 1654–1687/NQ-UBTVQH15) is read as the new commune, in memory, before the
 *   merge: the sender's record and its version are untouched, so its next bundle maps the same way;
 * - an old code this province already confirmed for that record (reform_queue, resolved) is read as the code chosen;
 * - an old code with `partial` or several links is kept as sent and waits in the review queue (nothing guessed);
 * - a code in neither unit list refuses the bundle (BUNDLE_UNIT_UNKNOWN).
 * NTM rows point at an era-stamped admin_unit id and are history, never rewritten; a quarter's assessment or a
 * recognition dated when its commune did not exist refuses the bundle (BUNDLE_UNIT_ERA_MISMATCH), as the office's
 * own screens refuse it (services/reform/eraCheck.ts).
 */

type Unit = { id: string; code: string; fullName: string; era: UnitEra };
type Addressed = 'ocop_producer' | 'ocop_product';
const ADDRESSED: readonly Addressed[] = ['ocop_producer', 'ocop_product'];

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function labelOf(recordType: Addressed, r: BundleRecord): string {
  return recordType === 'ocop_product' ? `${String(r.name)} (${String(r.product_code)})` : String(r.name);
}

/** Commune-level units by code (both eras) or by id, read in chunks. */
async function communeUnits(db: Kysely<Database>, by: 'code' | 'id', values: readonly string[]): Promise<Unit[]> {
  const out: Unit[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('admin_unit')
      .select(['id', 'code', 'full_name', 'era'])
      .where('level', '=', 'commune')
      .where(by, 'in', unique.slice(i, i + 500))
      .execute();
    out.push(...rows.map((r) => ({ id: r.id, code: r.code, fullName: r.full_name, era: r.era })));
  }
  return out;
}

async function unitsByCode(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, Unit[]>> {
  const out = new Map<string, Unit[]>();
  for (const u of await communeUnits(db, 'code', codes)) out.set(u.code, [...(out.get(u.code) ?? []), u]);
  return out;
}

async function unitsById(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Unit>> {
  return new Map((await communeUnits(db, 'id', ids)).map((u) => [u.id, u]));
}

function unknownUnit(recordType: string, id: unknown, value: string, label: string): AppError {
  return new AppError(
    'BUNDLE_UNIT_UNKNOWN',
    `Gói dữ liệu có ${label} ghi đơn vị hành chính mã "${value}" không có trong danh mục (trước hay sau ngày ${vnDate(REFORM_DATE)}). Gói bị từ chối; đề nghị đơn vị gửi sửa mã rồi xuất lại.`,
    { recordType, id, value },
  );
}

/**
 * Checks the NTM rows' units against their dates, and maps OCOP addresses through the lineage (rewriting the
 * records in place). Reads only; the caller queues the waiting records inside its merge transaction.
 */
export async function mapBundleUnits(db: Kysely<Database>, records: Record<string, BundleRecord[]>): Promise<BundleUnitMapping> {
  await checkNtmEras(db, records);
  return mapAddresses(db, records);
}

async function mapAddresses(db: Kysely<Database>, records: Record<string, BundleRecord[]>): Promise<BundleUnitMapping> {
  const out: BundleUnitMapping = { mapped: [], waiting: [] };
  const addressed = ADDRESSED.flatMap((recordType) => (records[recordType] ?? []).map((record) => ({ recordType, record })));
  if (addressed.length === 0) return out;
  const units = await unitsByCode(db, addressed.map((a) => String(a.record.unit_code)));
  const offMap = addressed.filter((a) => !(units.get(String(a.record.unit_code)) ?? []).some((u) => u.era === 'current'));
  if (offMap.length === 0) return out;
  const lineage: Map<string, OldUnitLinks> = await oldUnitLinks(db, offMap.map((a) => String(a.record.unit_code)));
  const confirmed = new Map<string, string>();
  const ids = offMap.map((a) => String(a.record.id));
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('reform_queue')
      .select(['entity', 'entity_id', 'old_code', 'resolved_code'])
      .where('status', '=', 'resolved')
      .where('entity_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.resolved_code) confirmed.set(`${r.entity}/${r.entity_id}/${r.old_code}`, r.resolved_code);
  }
  for (const { recordType, record } of offMap) {
    const oldCode = String(record.unit_code);
    const old = lineage.get(oldCode)!;
    if (old.links.length === 0) {
      if (record.deleted === 1) continue; // a deleted record keeps whatever address it had
      throw unknownUnit(recordType, record.id, oldCode, recordType === 'ocop_product' ? `sản phẩm OCOP "${labelOf(recordType, record)}"` : `chủ thể OCOP "${labelOf(recordType, record)}"`);
    }
    const base = { recordType, id: String(record.id), label: labelOf(recordType, record), oldCode, oldName: old.oldName };
    const chosen = confirmed.get(`${recordType}/${String(record.id)}/${oldCode}`);
    const chosenLink = chosen === undefined ? undefined : old.links.find((l) => l.unit.code === chosen);
    if (chosenLink) {
      record.unit_code = chosenLink.unit.code;
      out.mapped.push({ ...base, newCode: chosenLink.unit.code, newName: chosenLink.unit.fullName, share: chosenLink.share, resolution: chosenLink.resolution, how: 'confirmed' });
      continue;
    }
    if (old.links.length === 1 && old.links[0]!.share === 'full') {
      const link = old.links[0]!;
      record.unit_code = link.unit.code;
      out.mapped.push({ ...base, newCode: link.unit.code, newName: link.unit.fullName, share: 'full', resolution: link.resolution, how: 'full' });
      continue;
    }
    if (record.deleted === 1) continue; // a tombstone keeps its old address; nothing to confirm
    out.waiting.push({
      ...base,
      candidates: old.links.map((l) => ({ code: l.unit.code, fullName: l.unit.fullName, share: l.share, resolution: l.resolution, clauseId: l.clauseId })),
    });
  }
  return out;
}

async function checkNtmEras(db: Kysely<Database>, records: Record<string, BundleRecord[]>): Promise<void> {
  const communes = records.ntm_commune ?? [];
  const assessments = (records.ntm_assessment ?? []).filter((r) => r.deleted !== 1);
  const recognitions = (records.ntm_recognition ?? []).filter((r) => r.deleted !== 1);
  if (communes.length === 0 && assessments.length === 0 && recognitions.length === 0) return;

  // Each commune record's unit: from the bundle, or from this database for an incremental bundle.
  const unitIdOfCommune = new Map<string, string>(communes.map((c) => [String(c.id), String(c.unit_id)]));
  const missing = [...new Set([...assessments, ...recognitions].map((r) => String(r.commune_id)).filter((id) => !unitIdOfCommune.has(id)))];
  for (let i = 0; i < missing.length; i += 500) {
    const rows = await db.selectFrom('ntm_commune').select(['id', 'unit_id']).where('id', 'in', missing.slice(i, i + 500)).execute();
    for (const r of rows) unitIdOfCommune.set(r.id, r.unit_id);
  }
  const units = await unitsById(db, [...unitIdOfCommune.values()]);
  for (const c of communes) {
    if (c.deleted !== 1 && !units.has(String(c.unit_id))) throw unknownUnit('ntm_commune', c.id, String(c.unit_id), 'xã');
  }
  // A code used in both eras is valid on both sides of the reform (3,315 of the 3,321 new codes were codes before).
  const dated: { recordType: string; record: BundleRecord; unit: Unit; date: string; what: string }[] = [];
  for (const a of assessments) {
    const unit = units.get(unitIdOfCommune.get(String(a.commune_id)) ?? '');
    if (unit) dated.push({ recordType: 'ntm_assessment', record: a, unit, date: periodEndDate(String(a.period)), what: `kỳ đánh giá ${String(a.period)}` });
  }
  for (const r of recognitions) {
    const unit = units.get(unitIdOfCommune.get(String(r.commune_id)) ?? '');
    if (unit) dated.push({ recordType: 'ntm_recognition', record: r, unit, date: String(r.decided_on), what: `quyết định công nhận ${String(r.decision_no)}` });
  }
  const misfits = dated.filter((d) => !unitEraFitsDate(d.unit.era, d.date));
  if (misfits.length === 0) return;
  const sameCode = await unitsByCode(db, misfits.map((d) => d.unit.code));
  const refused = misfits.filter((d) => !(sameCode.get(d.unit.code) ?? []).some((u) => unitEraFitsDate(u.era, d.date)));
  if (refused.length === 0) return;
  const first = refused[0]!;
  const successors = first.unit.era === 'before-2025-07' ? ((await oldUnitLinks(db, [first.unit.code])).get(first.unit.code)?.links ?? []).map((l) => `${l.unit.fullName} (mã ${l.unit.code})`) : [];
  const when =
    first.unit.era === 'before-2025-07'
      ? `là đơn vị hành chính trước ngày ${vnDate(REFORM_DATE)}${successors.length > 0 ? `, từ ngày đó thuộc ${successors.join(', ')}` : ''}`
      : `chỉ có từ ngày ${vnDate(REFORM_DATE)}`;
  throw new AppError(
    'BUNDLE_UNIT_ERA_MISMATCH',
    `Gói dữ liệu có ${refused.length} bản ghi ghi cho xã không tồn tại vào ngày của bản ghi, ví dụ ${first.what} (ngày ${vnDate(first.date)}) của ${first.unit.fullName} (mã ${first.unit.code}), xã này ${when}. Gói bị từ chối; đề nghị đơn vị gửi sửa rồi xuất lại.`,
    {
      count: refused.length,
      records: refused.slice(0, 20).map((d) => ({ recordType: d.recordType, id: d.record.id, unitCode: d.unit.code, era: d.unit.era, date: d.date })),
    },
  );
}

/**
 * Inside the merge transaction: the records that wait enter the review queue (once per record and old code while
 * not resolved). Returns the queue ids, in the order of `waiting`.
 */
export function queueWaiting(
  sqlite: BetterSqlite3.Database,
  waiting: BundleUnitMapping['waiting'],
  at: string,
  newId: () => string,
): string[] {
  const open = sqlite.prepare(`SELECT id FROM reform_queue WHERE entity = ? AND entity_id = ? AND old_code = ? AND status <> 'resolved'`).pluck();
  const insert = sqlite.prepare(
    `INSERT INTO reform_queue (id, entity, entity_id, old_code, candidates_json, status, resolved_code, created_at, updated_at, resolved_by)
     VALUES (?, ?, ?, ?, ?, 'pending', NULL, ?, ?, NULL)`,
  );
  return waiting.map((w) => {
    const existing = open.get(w.recordType, w.id, w.oldCode) as string | undefined;
    if (existing !== undefined) return existing;
    const id = newId();
    insert.run(id, w.recordType, w.id, w.oldCode, JSON.stringify(w.candidates.map((c) => ({ code: c.code, share: c.share }))), at, at);
    return id;
  });
}
