import type { RecordOwner } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import { getOfficeProfile } from '../../db/office';
import type { ServiceContext } from '../context';
import type { OfficeScope } from '../ntm/communes';

/**
 * Whose plans, rounds and tasks an office sees. Its own, always; in province mode also every office's records
 * merged from their bundles, marked with that office and read-only (ARCHITECTURE.md: the province never edits a
 * district's rows).
 */
export type Owners = {
  /** Province mode: every office's records are listed, not only the office's own. */
  readonly all: boolean;
  own: string;
  of(officeCode: string): RecordOwner;
};

export async function owners(ctx: ServiceContext, scope: OfficeScope): Promise<Owners> {
  const profile = await getOfficeProfile(ctx.db);
  const names = new Map<string, string>();
  if (scope.kind === 'province') {
    const peers = await ctx.db.selectFrom('exchange_peer').select(['office_code', 'name']).where('kind', '=', 'office_signing').orderBy('added_at').execute();
    for (const p of peers) names.set(p.office_code, p.name);
  }
  return {
    all: scope.kind === 'province',
    own: scope.officeCode,
    of: (officeCode) =>
      officeCode === scope.officeCode
        ? { officeCode, officeName: profile?.officeName ?? officeCode, readOnly: false }
        : { officeCode, officeName: names.get(officeCode) ?? `Văn phòng ${officeCode}`, readOnly: true },
  };
}

/** Refuses a write to another office's record (merged from its bundle). */
export function refuseMerged(scope: OfficeScope, officeCode: string, what: string): void {
  if (officeCode === scope.officeCode) return;
  throw new AppError(
    'RECORD_READ_ONLY',
    `${what} của văn phòng mã ${officeCode}, nhận qua gói dữ liệu: chỉ xem, không sửa được. Văn phòng đó sửa và gửi lại gói dữ liệu.`,
    { officeCode },
  );
}
