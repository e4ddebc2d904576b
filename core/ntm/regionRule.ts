import type { Catalog } from './catalogSchema';
import type { CommuneProfile } from './communeProfile';

export type RegionResolution = { kind: 'own' } | { kind: 'substituted'; profile: CommuneProfile } | { kind: 'unknown' };

/**
 * Applies the catalog's region substitution. For QĐ 318/QĐ-TTg (2022): "Đối với các xã đặc biệt khó khăn,
 * xã an toàn khu thuộc huyện nghèo và huyện vừa thoát nghèo giai đoạn 2018–2020, mức đạt chuẩn NTM được áp
 * dụng theo quy định cho vùng Trung du miền núi phía Bắc" (DOMAIN.md §1.1, summary tintuc.thuvienphapluat.com
 * …/39774). The flags are data (whenAnyFlag: ĐBKK or ATK; andAllFlags: thuộc huyện nghèo/vừa thoát nghèo),
 * so a province that reads the sentence differently changes its catalog, not this code.
 *
 * When a deciding flag is not known the region is unknown too: a region-specific threshold is then reported
 * as waiting for the profile rather than applied with the wrong region.
 */
export function resolveRegion(catalog: Pick<Catalog, 'regionSubstitution'>, profile: CommuneProfile): RegionResolution {
  const rule = catalog.regionSubstitution;
  if (rule === null) return { kind: 'own' };
  const any = rule.whenAnyFlag.map((f) => profile.flags[f]);
  const all = rule.andAllFlags.map((f) => profile.flags[f]);
  const anyTrue = any.includes(true);
  if (!anyTrue && !any.includes(undefined)) return { kind: 'own' };
  if (all.includes(false)) return { kind: 'own' };
  if (anyTrue && !all.includes(undefined)) {
    return { kind: 'substituted', profile: { ...profile, region: rule.useRegion } };
  }
  return { kind: 'unknown' };
}

/** The profile thresholds are chosen for, after substitution; region null when it cannot be decided. */
export function effectiveProfile(
  catalog: Pick<Catalog, 'regionSubstitution'>,
  profile: CommuneProfile,
): CommuneProfile {
  const resolution = resolveRegion(catalog, profile);
  switch (resolution.kind) {
    case 'own':
      return profile;
    case 'substituted':
      return resolution.profile;
    case 'unknown':
      return { ...profile, region: null };
    default: {
      const never: never = resolution;
      return never;
    }
  }
}
