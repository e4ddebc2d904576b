import { REFORM_DATE, type UnitEra } from '../contract/domain';
import { AppError } from '../errors';

/** A unit as the check needs it. */
export type DatedUnit = { code: string; fullName: string; era: UnitEra };

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Whether a unit of this era existed on this day: old units until 30 June 2025, new ones from 1 July 2025. */
export function unitEraFitsDate(era: UnitEra, isoDate: string): boolean {
  return era === 'current' ? isoDate >= REFORM_DATE : isoDate < REFORM_DATE;
}

/**
 * Refuses a record dated when its unit did not exist (UNIT_ERA_MISMATCH): an old commune after the reform, or a
 * new one before it (NQ 202/2025/QH15; NQ 1654–1687/NQ-UBTVQH15, effective 1 July 2025). `what` names the
 * record ("quyết định công nhận"); `successors` (new units that took an old one over) go into the hint.
 */
export function checkUnitEraForDate(unit: DatedUnit, isoDate: string, what: string, successors: readonly DatedUnit[] = []): void {
  if (unitEraFitsDate(unit.era, isoDate)) return;
  const details = { unitCode: unit.code, era: unit.era, date: isoDate, reformDate: REFORM_DATE, successors: successors.map((s) => s.code) };
  if (unit.era === 'before-2025-07') {
    const hint =
      successors.length > 0
        ? ` Từ ngày đó địa bàn thuộc ${successors.map((s) => `${s.fullName} (mã ${s.code})`).join(', ')}.`
        : ' Hãy dùng đơn vị hành chính mới đã tiếp nhận địa bàn.';
    throw new AppError(
      'UNIT_ERA_MISMATCH',
      `${unit.fullName} (mã ${unit.code}) là đơn vị hành chính trước ngày ${vnDate(REFORM_DATE)}; không dùng được cho ${what} ngày ${vnDate(isoDate)}.${hint}`,
      details,
    );
  }
  throw new AppError(
    'UNIT_ERA_MISMATCH',
    `${unit.fullName} (mã ${unit.code}) chỉ có từ ngày ${vnDate(REFORM_DATE)}; ${what} ngày ${vnDate(isoDate)} phải ghi theo đơn vị hành chính cũ (trước sắp xếp).`,
    details,
  );
}
