import { AppError } from '../errors';
import type { CommuneProfile } from './communeProfile';
import type { CompiledCatalog } from './compileCatalog';
import { effectiveProfile, resolveRegion } from './regionRule';
import { matchAppliesTo } from './ruleMatching';

/** What to do with each indicator for one profile and year. */
export const PlanOp = {
  manual: 0,
  noThreshold: 1,
  profileIncomplete: 2,
  gte: 3,
  gt: 4,
  lte: 5,
  lt: 6,
  isTrue: 7,
  isFalse: 8,
  oneOf: 9,
} as const;
export type PlanOp = (typeof PlanOp)[keyof typeof PlanOp];

export type EvaluationPlan = {
  readonly year: number;
  /** The profile thresholds were chosen for (after the region substitution). */
  readonly profile: CommuneProfile;
  readonly regionSubstituted: boolean;
  readonly ops: Uint8Array;
  readonly limits: Float64Array;
  readonly allowed: readonly (ReadonlySet<string> | null)[];
  /** Index into the indicator's thresholds of the rule applied, or -1. */
  readonly ruleIndex: Int16Array;
};

function planKey(compiled: CompiledCatalog, profile: CommuneProfile, year: number): string {
  let key = `${year}|${profile.region ?? '-'}|${profile.group ?? '-'}|`;
  for (const flag of compiled.flagCodes) {
    const value = profile.flags[flag];
    key += value === undefined ? '?' : value ? '1' : '0';
  }
  return key;
}

/**
 * Chooses, once per distinct (profile, year), the threshold that applies to every indicator. Communes of one
 * province share a handful of profiles, so a province run builds a few plans and reuses them.
 */
export function planFor(compiled: CompiledCatalog, profile: CommuneProfile, year: number): EvaluationPlan {
  const { period } = compiled.catalog;
  if (!Number.isInteger(year) || year < period.fromYear || year > period.toYear) {
    throw new AppError(
      'CATALOG_YEAR_OUT_OF_RANGE',
      `Năm ${year} nằm ngoài giai đoạn ${period.fromYear}–${period.toYear} của bộ tiêu chí "${compiled.catalog.name}".`,
      { year, period },
    );
  }
  const key = planKey(compiled, profile, year);
  const cached = compiled.plans.get(key);
  if (cached) return cached;

  const effective = effectiveProfile(compiled.catalog, profile);
  const count = compiled.indicators.length;
  const ops = new Uint8Array(count);
  const limits = new Float64Array(count);
  const allowed: (ReadonlySet<string> | null)[] = new Array(count).fill(null);
  const ruleIndex = new Int16Array(count).fill(-1);

  compiled.indicators.forEach((indicator, i) => {
    if (indicator.manual) {
      ops[i] = PlanOp.manual;
      return;
    }
    let op: PlanOp = PlanOp.noThreshold;
    for (let r = 0; r < indicator.rules.length; r++) {
      const rule = indicator.rules[r];
      const match = matchAppliesTo(rule.appliesTo, effective, year);
      if (match === 'unknown') op = PlanOp.profileIncomplete;
      if (match !== 'yes') continue;
      // Semantics guarantee at most one matching rule (catalogSemantics: no overlapping appliesTo).
      ruleIndex[i] = r;
      const test = rule.test;
      switch (test.op) {
        case 'gte':
        case 'gt':
        case 'lte':
        case 'lt':
          op = PlanOp[test.op];
          limits[i] = test.value;
          break;
        case 'is':
          op = test.value ? PlanOp.isTrue : PlanOp.isFalse;
          break;
        case 'oneOf':
          op = PlanOp.oneOf;
          allowed[i] = new Set(test.values);
          break;
        default: {
          const never: never = test;
          return never;
        }
      }
      break;
    }
    ops[i] = op;
  });

  const plan: EvaluationPlan = {
    year,
    profile: effective,
    regionSubstituted: resolveRegion(compiled.catalog, profile).kind === 'substituted',
    ops,
    limits,
    allowed,
    ruleIndex,
  };
  compiled.plans.set(key, plan);
  return plan;
}
