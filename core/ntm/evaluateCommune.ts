import type { CommuneProfile } from './communeProfile';
import type { CompiledCatalog } from './compileCatalog';
import { aggregateCriteria, type CriterionResult } from './aggregateCriteria';
import { planFor, type EvaluationPlan } from './evaluationPlan';
import type { IndicatorInput } from './indicatorStatus';
import { judgeIndicator } from './judgeIndicator';
import { bandFor, type SummaryBand } from './summaryBands';

/**
 * Inputs by indicator code, or an array aligned with CompiledCatalog.indicators (index from
 * `compiled.indicatorIndex`). The array form skips one string lookup per indicator: use it for province runs.
 */
export type IndicatorInputs =
  Readonly<Record<string, IndicatorInput | undefined>> | readonly (IndicatorInput | undefined)[];

export type CommuneEvaluation = {
  readonly plan: EvaluationPlan;
  /** Per indicator, in CompiledCatalog.indicators order: IndicatorStatusCode. */
  readonly status: Uint8Array;
  /** Per indicator: IndicatorReasonCode. */
  readonly reason: Uint8Array;
  readonly criteria: readonly CriterionResult[];
  readonly criteriaCount: number;
  readonly metCount: number;
  readonly notMetCount: number;
  readonly undeterminedCount: number;
  /** Reporting band for the number of criteria met; null when the catalog has no bands (e.g. QĐ 319). */
  readonly band: SummaryBand | null;
};

function isAligned(inputs: IndicatorInputs): inputs is readonly (IndicatorInput | undefined)[] {
  return Array.isArray(inputs);
}

/**
 * Evaluates one commune against a compiled catalog: every indicator, every criterion (met only if all its
 * indicators are met), the count of criteria met and the reporting band. The thresholds were chosen once per
 * profile and year by planFor; this loop only reads values and compares.
 */
export function evaluateCommune(
  compiled: CompiledCatalog,
  profile: CommuneProfile,
  year: number,
  inputs: IndicatorInputs,
): CommuneEvaluation {
  const plan = planFor(compiled, profile, year);
  const { indicators } = compiled;
  const count = indicators.length;
  const status = new Uint8Array(count);
  const reason = new Uint8Array(count);
  if (isAligned(inputs)) {
    for (let i = 0; i < count; i++) {
      const packed = judgeIndicator(plan, i, indicators[i], inputs[i]);
      status[i] = packed >> 4;
      reason[i] = packed & 15;
    }
  } else {
    for (let i = 0; i < count; i++) {
      const indicator = indicators[i];
      const packed = judgeIndicator(plan, i, indicator, inputs[indicator.code]);
      status[i] = packed >> 4;
      reason[i] = packed & 15;
    }
  }

  const criteria = aggregateCriteria(compiled, status);
  let metCount = 0;
  let notMetCount = 0;
  for (const criterion of criteria) {
    if (criterion.status === 'met') metCount++;
    else if (criterion.status === 'not_met') notMetCount++;
  }
  return {
    plan,
    status,
    reason,
    criteria,
    criteriaCount: criteria.length,
    metCount,
    notMetCount,
    undeterminedCount: criteria.length - metCount - notMetCount,
    band: bandFor(compiled.catalog, metCount),
  };
}
