import type { Selectable } from 'kysely';
import { AppError } from '../../core/errors';
import type { NtmCommune, NtmLevel } from '../../core/contract/ntm';
import { getOfficeProfile } from '../../db/office';
import type { AdminUnitTable, NtmCommuneTable } from '../../db/schema';
import type { ServiceContext } from '../context';
import { audit, currentActor } from '../staff';

export type OfficeScope = { officeCode: string; kind: 'district' | 'commune' | 'province'; provinceCode: string; unitCode: string };

export async function officeScope(ctx: ServiceContext): Promise<OfficeScope> {
  const office = await getOfficeProfile(ctx.db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Chưa thiết lập văn phòng. Hãy hoàn thành bước thiết lập ban đầu.');
  return { officeCode: office.officeCode, kind: office.kind, provinceCode: office.provinceCode, unitCode: office.unitCode };
}

/**
 * The commune-level units an office keeps records for: a commune office its own commune; a district office
 * the communes of its district as they were before 1 July 2025; a province office every current commune of
 * the province.
 */
async function managedUnits(ctx: ServiceContext, scope: OfficeScope): Promise<Selectable<AdminUnitTable>[]> {
  const q = ctx.db.selectFrom('admin_unit').selectAll().where('level', '=', 'commune');
  switch (scope.kind) {
    case 'commune':
      return q.where('era', '=', 'current').where('code', '=', scope.unitCode).execute();
    case 'district':
      return q.where('era', '=', 'before-2025-07').where('parent_code', '=', scope.unitCode).orderBy('code').execute();
    case 'province':
      return q.where('era', '=', 'current').where('province_code', '=', scope.provinceCode).orderBy('code').execute();
    default: {
      const never: never = scope.kind;
      return never;
    }
  }
}

/** Creates the office's commune rows that do not exist yet (one transaction). */
export async function ensureCommunes(ctx: ServiceContext, scope: OfficeScope): Promise<void> {
  const units = await managedUnits(ctx, scope);
  const have = new Set(
    (await ctx.db.selectFrom('ntm_commune').select('unit_id').where('office_code', '=', scope.officeCode).execute()).map((r) => r.unit_id),
  );
  const missing = units.filter((u) => !have.has(u.id));
  if (missing.length === 0) return;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < missing.length; i += 200) {
      await trx
        .insertInto('ntm_commune')
        .values(missing.slice(i, i + 200).map((u) => ({ id: ctx.newId(), office_code: scope.officeCode, unit_id: u.id, updated_at: at, region: null, commune_group: null })))
        .execute();
    }
  });
}

export type CommuneRow = Selectable<NtmCommuneTable> & { code: string; name: string; full_name: string; era: AdminUnitTable['era'] };

/** The office's communes (or, for a province, its own rows plus every office's merged rows), by unit code. */
export async function communeRows(ctx: ServiceContext, scope: OfficeScope): Promise<CommuneRow[]> {
  await ensureCommunes(ctx, scope);
  let q = ctx.db
    .selectFrom('ntm_commune as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select(['u.code', 'u.name', 'u.full_name', 'u.era'])
    .where('c.deleted', '=', 0);
  q = q.where('c.office_code', '=', scope.officeCode);
  return q.orderBy('u.code').execute() as Promise<CommuneRow[]>;
}

export async function communeByCode(ctx: ServiceContext, scope: OfficeScope, unitCode: string): Promise<CommuneRow> {
  const rows = await communeRows(ctx, scope);
  const row = rows.find((r) => r.code === unitCode);
  if (!row) {
    throw new AppError('COMMUNE_NOT_MANAGED', `Xã mã "${unitCode}" không thuộc địa bàn văn phòng quản lý.`, { unitCode });
  }
  return row;
}

export function communeView(row: CommuneRow, level: NtmLevel | null): NtmCommune {
  return {
    unitCode: row.code,
    name: row.name,
    fullName: row.full_name,
    era: row.era,
    region: row.region,
    group: row.commune_group,
    flags: JSON.parse(row.flags_json) as Record<string, boolean>,
    level,
  };
}

/** The highest level each commune holds by a recognition decision that has not been revoked. */
export async function currentLevels(ctx: ServiceContext, communeIds: string[]): Promise<Map<string, NtmLevel>> {
  if (communeIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('ntm_recognition')
    .select(['commune_id', 'level'])
    .where('deleted', '=', 0)
    .where('revoked_on', 'is', null)
    .execute();
  const rank: Record<NtmLevel, number> = { xa_ntm: 1, xa_ntm_nang_cao: 2, xa_ntm_kieu_mau: 3, xa_ntm_hien_dai: 4 };
  const wanted = new Set(communeIds);
  const out = new Map<string, NtmLevel>();
  for (const r of rows) {
    if (!wanted.has(r.commune_id)) continue;
    const prev = out.get(r.commune_id);
    if (!prev || rank[r.level] > rank[prev]) out.set(r.commune_id, r.level);
  }
  return out;
}

export async function setProfiles(
  ctx: ServiceContext,
  input: { unitCodes: string[]; region?: string | null; group?: 1 | 2 | 3 | null; flags?: Record<string, boolean | null> },
): Promise<{ updated: number }> {
  const scope = await officeScope(ctx);
  const rows = await communeRows(ctx, scope);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const unknown = input.unitCodes.filter((c) => !byCode.has(c));
  if (unknown.length > 0) {
    throw new AppError('COMMUNE_NOT_MANAGED', `Các xã sau không thuộc địa bàn văn phòng: ${unknown.join(', ')}.`, { unitCodes: unknown });
  }
  const at = ctx.now().toISOString();
  const actor = await currentActor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    for (const code of input.unitCodes) {
      const row = byCode.get(code)!;
      const flags = { ...(JSON.parse(row.flags_json) as Record<string, boolean>) };
      for (const [k, v] of Object.entries(input.flags ?? {})) {
        if (v === null) delete flags[k];
        else flags[k] = v;
      }
      const next = {
        region: input.region === undefined ? row.region : input.region,
        commune_group: input.group === undefined ? row.commune_group : input.group,
        flags_json: JSON.stringify(flags),
      };
      await trx
        .updateTable('ntm_commune')
        .set({ ...next, version: row.version + 1, updated_at: at })
        .where('id', '=', row.id)
        .execute();
      await audit(trx, ctx, actor, {
        entity: 'ntm_commune',
        entityId: code,
        action: 'profile',
        before: { region: row.region, group: row.commune_group, flags: JSON.parse(row.flags_json) },
        after: { region: next.region, group: next.commune_group, flags },
      });
    }
  });
  return { updated: input.unitCodes.length };
}
