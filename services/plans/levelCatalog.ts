import type { NtmLevel } from '../../core/contract/ntm';
import { compileCatalog, parseCatalog } from '../../core/ntm/index';
import type { ServiceContext } from '../context';
import { ensureShippedCatalogs, summaryOf, type LoadedCatalog } from '../ntm/catalogs';
import { sectorOverrides, withSectors, type SectorOverrides } from './sectorOverrides';

export const LEVEL_RANK: Record<NtmLevel, number> = { xa_ntm: 1, xa_ntm_nang_cao: 2, xa_ntm_kieu_mau: 3, xa_ntm_hien_dai: 4 };

/**
 * Catalogs by level and year for one request: the catalog of a level in force in a year (a province's own
 * imported set before the national one it details, as services/ntm/catalogs.ts loadCatalog does for xã NTM), or
 * null when the app holds none (e.g. xã NTM hiện đại until its set is imported). Criteria carry the office's own
 * responsible sectors where it set them.
 */
export function catalogCache(ctx: ServiceContext) {
  const byKey = new Map<string, Promise<LoadedCatalog | null>>();
  const byId = new Map<string, Promise<LoadedCatalog | null>>();
  let sectors: Promise<SectorOverrides> | null = null;
  const load = async (where: { level: string; year: number } | { id: string }): Promise<LoadedCatalog | null> => {
    await ensureShippedCatalogs(ctx);
    let q = ctx.db.selectFrom('ntm_catalog').selectAll();
    if ('id' in where) q = q.where('id', '=', where.id).orderBy('revision', 'desc');
    else
      q = q
        .where('level', '=', where.level)
        .where('period_from', '<=', where.year)
        .where('period_to', '>=', where.year)
        .orderBy((eb) => eb.case().when('origin', '=', 'shipped').then(1).else(0).end())
        .orderBy('imported_at', 'desc')
        .orderBy('revision', 'desc');
    const row = await q.executeTakeFirst();
    if (!row) return null;
    // The office's own responsible sectors over the catalog's defaults (plan_criterion_sector).
    const catalog = withSectors(parseCatalog(JSON.parse(row.document_json)), await (sectors ??= sectorOverrides(ctx)));
    return { summary: summaryOf(catalog, row.origin), catalog, compiled: compileCatalog(catalog) };
  };
  return {
    forLevel(level: NtmLevel, year: number): Promise<LoadedCatalog | null> {
      const key = `${level}@${year}`;
      if (!byKey.has(key)) byKey.set(key, load({ level, year }));
      return byKey.get(key)!;
    },
    byId(id: string): Promise<LoadedCatalog | null> {
      if (!byId.has(id)) byId.set(id, load({ id }));
      return byId.get(id)!;
    },
  };
}
export type CatalogCache = ReturnType<typeof catalogCache>;
