import { foldVietnamese } from '../../../core/text/vietnamese';
import type { AdminUnitTable } from '../../schema';
import threeTier from './vn-units-2025-03-three-tier.json';
import twoTier from './vn-units-2026-07-two-tier.json';

/**
 * The official unit lists shipped with the application (MIT; see LICENSE-* beside this file):
 * the three-tier list in force on 1 March 2025 (valid until 30 June 2025) and the two-tier list after the
 * 1 July 2025 reform (NQ 202/2025/QH15; codes per QĐ 19/2025/QĐ-TTg).
 * Bump REFERENCE_UNITS_VERSION when a file here changes: the database reloads its copy on next open.
 */
export const REFERENCE_UNITS_VERSION = '2026-07-25+2025-03-01';

const LAST_DAY_BEFORE_REFORM = '2025-06-30';
const REFORM_DAY = '2025-07-01';

type OldProvince = { code: string; name: string; fullName: string; unitType: string; regionId: number };
type OldDistrict = { code: string; name: string; fullName: string; provinceCode: string; unitType: string };
type OldCommune = { code: string; name: string; fullName: string; districtCode: string; unitType: string };
type NewProvince = { code: string; name: string; fullName: string; unitType: string };
type NewCommune = { code: string; name: string; fullName: string; provinceCode: string; unitType: string };

export function unitId(level: AdminUnitTable['level'], era: AdminUnitTable['era'], code: string): string {
  return `${era === 'current' ? 'n' : 'o'}${level[0]}:${code}`;
}

function key(name: string, fullName: string, code: string): string {
  return `${foldVietnamese(fullName)} | ${foldVietnamese(name)} | ${code}`;
}

/** Every unit row, built from the shipped files. */
export function referenceUnitRows(): AdminUnitTable[] {
  const rows: AdminUnitTable[] = [];
  const oldProvinces = (threeTier as { provinces: OldProvince[] }).provinces;
  const oldDistricts = (threeTier as { districts: OldDistrict[] }).districts;
  const oldCommunes = (threeTier as { communes: OldCommune[] }).communes;
  const regionByProvince = new Map(oldProvinces.map((p) => [p.code, p.regionId]));
  const provinceByDistrict = new Map(oldDistricts.map((d) => [d.code, d.provinceCode]));

  for (const p of oldProvinces) {
    rows.push(old('province', p.code, p.name, p.fullName, p.unitType, p.code, null, p.regionId));
  }
  for (const d of oldDistricts) {
    rows.push(old('district', d.code, d.name, d.fullName, d.unitType, d.provinceCode, d.provinceCode, regionByProvince.get(d.provinceCode) ?? null));
  }
  for (const c of oldCommunes) {
    const provinceCode = provinceByDistrict.get(c.districtCode) ?? '';
    rows.push(old('commune', c.code, c.name, c.fullName, c.unitType, provinceCode, c.districtCode, regionByProvince.get(provinceCode) ?? null));
  }
  for (const p of (twoTier as { provinces: NewProvince[] }).provinces) {
    rows.push(cur('province', p.code, p.name, p.fullName, p.unitType, p.code, null));
  }
  for (const c of (twoTier as { communes: NewCommune[] }).communes) {
    rows.push(cur('commune', c.code, c.name, c.fullName, c.unitType, c.provinceCode, c.provinceCode));
  }
  return rows;
}

function old(
  level: AdminUnitTable['level'], code: string, name: string, fullName: string, unitType: string,
  provinceCode: string, parentCode: string | null, regionId: number | null,
): AdminUnitTable {
  return {
    id: unitId(level, 'before-2025-07', code), code, level, era: 'before-2025-07', name: name.normalize('NFC'),
    full_name: fullName.normalize('NFC'), unit_type: unitType, province_code: provinceCode, parent_code: parentCode,
    region_id: regionId, valid_from: null, valid_to: LAST_DAY_BEFORE_REFORM, search_key: key(name, fullName, code),
  };
}

function cur(
  level: AdminUnitTable['level'], code: string, name: string, fullName: string, unitType: string,
  provinceCode: string, parentCode: string | null,
): AdminUnitTable {
  return {
    id: unitId(level, 'current', code), code, level, era: 'current', name: name.normalize('NFC'),
    full_name: fullName.normalize('NFC'), unit_type: unitType, province_code: provinceCode, parent_code: parentCode,
    region_id: null, valid_from: REFORM_DAY, valid_to: null, search_key: key(name, fullName, code),
  };
}
