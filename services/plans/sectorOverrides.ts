import type { Catalog } from '../../core/ntm/catalogSchema';
import { getOfficeProfile } from '../../db/office';
import type { ServiceContext } from '../context';

/**
 * The office's own responsible sector per criterion (plan_criterion_sector), over the catalog's default. The
 * shipped catalogs name national ministries ("Bộ NN&PTNT"); an office names its own departments instead.
 */
export type SectorOverrides = {
  /** The office's sector for a criterion of a catalog, or undefined when it keeps the catalog's. */
  of(catalogId: string, criterionNo: number): string | undefined;
  /** The sector in force: the office's, else the catalog's default, else null. */
  sectorOf(catalog: Pick<Catalog, 'id' | 'criteria'>, criterionNo: number): string | null;
};

const key = (catalogId: string, no: number) => `${catalogId}#${no}`;

export async function sectorOverrides(ctx: ServiceContext): Promise<SectorOverrides> {
  const office = await getOfficeProfile(ctx.db);
  const rows = office
    ? await ctx.db.selectFrom('plan_criterion_sector').select(['catalog_id', 'criterion_no', 'sector']).where('office_code', '=', office.officeCode).where('deleted', '=', 0).execute()
    : [];
  const map = new Map(rows.map((r) => [key(r.catalog_id, r.criterion_no), r.sector]));
  return {
    of: (catalogId, no) => map.get(key(catalogId, no)),
    sectorOf: (catalog, no) => map.get(key(catalog.id, no)) ?? catalog.criteria.find((c) => c.no === no)?.responsibleSector?.name ?? null,
  };
}

/** The catalog with the office's sectors in place of the defaults (a copy; the stored document is unchanged). */
export function withSectors<C extends Pick<Catalog, 'id' | 'criteria'>>(catalog: C, overrides: SectorOverrides): C {
  let changed = false;
  const criteria = catalog.criteria.map((c) => {
    const own = overrides.of(catalog.id, c.no);
    if (own === undefined || own === c.responsibleSector?.name) return c;
    changed = true;
    return { ...c, responsibleSector: { name: own, verified: true } };
  });
  return changed ? { ...catalog, criteria } : catalog;
}
