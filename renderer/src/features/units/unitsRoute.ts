import type { UnitEra } from '../../../../core/contract/index';

/**
 * Sub-routes of '#/units': the search ('#/units', '#/units?q=…' is not used: the box keeps its own state) and one
 * unit ('#/units/16870' or '#/units/16870/before-2025-07' when a code exists in both eras).
 */
export type UnitsView = { kind: 'search' } | { kind: 'unit'; code: string; era: UnitEra | undefined };

export function parseUnitsHash(hash: string): UnitsView {
  const [first, code, era] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (first !== 'units' || !code || !/^\d{2,5}$/.test(code)) return { kind: 'search' };
  return { kind: 'unit', code, era: era === 'current' || era === 'before-2025-07' ? era : undefined };
}

export function unitHash(code: string, era?: UnitEra): string {
  return `#/units/${code}${era ? `/${era}` : ''}`;
}
