import type { CommuneGroup, RegionCode } from './regions';

/**
 * What the evaluator needs to know about a commune to pick its thresholds. `null` / absent means "not known":
 * a rule that depends on an unknown fact is never guessed, the indicator waits for the profile instead.
 */
export type CommuneProfile = {
  /** Socio-economic region (2021–2025 and earlier sets). */
  region: RegionCode | null;
  /** Commune group 1–3 (QĐ 51/2025/QĐ-TTg, 2026–2030). */
  group: CommuneGroup | null;
  /** Facts named by the catalog's `profileFlags`, e.g. xa_dac_biet_kho_khan. Absent = not known. */
  flags: Readonly<Record<string, boolean | undefined>>;
};
