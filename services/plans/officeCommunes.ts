import type { ServiceContext } from '../context';
import { communeRows, type CommuneRow, type OfficeScope } from '../ntm/communes';

/**
 * The communes a target or round counts: this office's own, or (a province's breakdown per office) the rows
 * merged from that office's bundles.
 */
export async function communesOfOffice(ctx: ServiceContext, scope: OfficeScope, officeCode: string | null): Promise<CommuneRow[]> {
  if (officeCode === null || officeCode === scope.officeCode) return communeRows(ctx, scope);
  return (await ctx.db
    .selectFrom('ntm_commune as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select(['u.code', 'u.name', 'u.full_name', 'u.era'])
    .where('c.office_code', '=', officeCode)
    .where('c.deleted', '=', 0)
    .orderBy('u.code')
    .execute()) as CommuneRow[];
}

/** A quarter "YYYY-Qn" containing an ISO date. */
export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

/** 2026-03-18 → 18/03/2026. */
export function vnDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}
