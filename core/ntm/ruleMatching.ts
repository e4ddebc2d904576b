import type { AppliesTo } from './catalogSchema';
import type { CommuneProfile } from './communeProfile';

/** 'unknown' when the rule depends on a profile fact that has not been entered. */
export type MatchResult = 'yes' | 'no' | 'unknown';

export function matchAppliesTo(appliesTo: AppliesTo, profile: CommuneProfile, year: number): MatchResult {
  if (appliesTo.years && (year < appliesTo.years.from || year > appliesTo.years.to)) return 'no';
  let unknown = false;
  if (appliesTo.regions) {
    if (profile.region === null) unknown = true;
    else if (!appliesTo.regions.includes(profile.region)) return 'no';
  }
  if (appliesTo.groups) {
    if (profile.group === null) unknown = true;
    else if (!appliesTo.groups.includes(profile.group)) return 'no';
  }
  if (appliesTo.flags) {
    for (const [flag, wanted] of Object.entries(appliesTo.flags)) {
      const actual = profile.flags[flag];
      if (actual === undefined) unknown = true;
      else if (actual !== wanted) return 'no';
    }
  }
  return unknown ? 'unknown' : 'yes';
}

function listsIntersect<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (!a || !b) return true;
  return a.some((x) => b.includes(x));
}

/**
 * True when some commune profile and year would match both. The catalog refuses such pairs so that at most
 * one threshold ever applies: an evaluator that silently picked "the first" would hide a data error.
 */
export function appliesToOverlap(a: AppliesTo, b: AppliesTo): boolean {
  if (!listsIntersect(a.regions, b.regions)) return false;
  if (!listsIntersect(a.groups, b.groups)) return false;
  if (a.years && b.years && (a.years.to < b.years.from || b.years.to < a.years.from)) return false;
  if (a.flags && b.flags) {
    for (const [flag, wanted] of Object.entries(a.flags)) {
      const other = b.flags[flag];
      if (other !== undefined && other !== wanted) return false;
    }
  }
  return true;
}
