import { AppError } from '../errors';
import type { SourceRef, ThresholdTest } from './catalogSchema';
import type { CommuneProfile } from './communeProfile';
import type { CompiledCatalog } from './compileCatalog';
import { planFor } from './evaluationPlan';
import {
  INDICATOR_REASON_NAMES,
  INDICATOR_REASON_TEXT,
  INDICATOR_STATUS_NAMES,
  type IndicatorInput,
  type IndicatorReason,
  type IndicatorStatus,
} from './indicatorStatus';
import { judgeIndicator, unpackReason, unpackStatus } from './judgeIndicator';

export type IndicatorEvaluation = {
  readonly code: string;
  readonly status: IndicatorStatus;
  readonly reason: IndicatorReason;
  /** Vietnamese explanation for the UI. */
  readonly reasonText: string;
  /** The threshold applied (or that would apply once a value is entered), with its source. */
  readonly threshold: { readonly test: ThresholdTest; readonly source: SourceRef } | null;
  /** true when the commune uses another region's thresholds (QĐ 318 rule for xã ĐBKK, ATK). */
  readonly regionSubstituted: boolean;
};

/** One indicator, fully explained: for a detail panel, not for province-wide runs (use evaluateCommune). */
export function evaluateIndicator(
  compiled: CompiledCatalog,
  code: string,
  input: IndicatorInput | undefined,
  profile: CommuneProfile,
  year: number,
): IndicatorEvaluation {
  const i = compiled.indicatorIndex.get(code);
  if (i === undefined) {
    throw new AppError(
      'INDICATOR_NOT_FOUND',
      `Không có chỉ tiêu "${code}" trong bộ tiêu chí "${compiled.catalog.name}".`,
      { code },
    );
  }
  const plan = planFor(compiled, profile, year);
  const indicator = compiled.indicators[i];
  const packed = judgeIndicator(plan, i, indicator, input);
  const reason = INDICATOR_REASON_NAMES[unpackReason(packed)];
  const ruleIndex = plan.ruleIndex[i];
  const rule = ruleIndex >= 0 ? indicator.rules[ruleIndex] : null;
  return {
    code,
    status: INDICATOR_STATUS_NAMES[unpackStatus(packed)],
    reason,
    reasonText: INDICATOR_REASON_TEXT[reason],
    threshold: rule ? { test: rule.test, source: rule.source } : null,
    regionSubstituted: plan.regionSubstituted,
  };
}
