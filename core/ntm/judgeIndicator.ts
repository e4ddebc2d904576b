import { ValueKindCode, type CompiledIndicator } from './compileCatalog';
import { PlanOp, type EvaluationPlan } from './evaluationPlan';
import { IndicatorReasonCode, IndicatorStatusCode, type IndicatorInput } from './indicatorStatus';

/** Status and reason packed as status × 16 + reason, so the hot loop allocates nothing. */
export type PackedJudgement = number;

export function unpackStatus(packed: PackedJudgement): IndicatorStatusCode {
  return (packed >> 4) as IndicatorStatusCode;
}
export function unpackReason(packed: PackedJudgement): IndicatorReasonCode {
  return (packed & 15) as IndicatorReasonCode;
}

/*
 * Local copies of the codes: imported bindings may be compiled to getter calls (tsx, vitest), which this
 * loop would pay for on every indicator of a province run.
 */
const OP_MANUAL = PlanOp.manual;
const OP_NO_THRESHOLD = PlanOp.noThreshold;
const OP_PROFILE_INCOMPLETE = PlanOp.profileIncomplete;
const OP_GTE = PlanOp.gte;
const OP_GT = PlanOp.gt;
const OP_LTE = PlanOp.lte;
const OP_LT = PlanOp.lt;
const OP_IS_TRUE = PlanOp.isTrue;
const OP_IS_FALSE = PlanOp.isFalse;
const OP_ONE_OF = PlanOp.oneOf;
const MET = IndicatorStatusCode.met;
const NOT_MET = IndicatorStatusCode.notMet;
const NEEDS_MANUAL = IndicatorStatusCode.needsManual;
const MISSING_VALUE = IndicatorStatusCode.missingValue;
const R_RULE = IndicatorReasonCode.rule;
const R_MANUAL = IndicatorReasonCode.manual;
const R_MANUAL_INDICATOR = IndicatorReasonCode.manualIndicator;
const R_MANUAL_WITHOUT_EVIDENCE = IndicatorReasonCode.manualWithoutEvidence;
const R_NO_THRESHOLD = IndicatorReasonCode.noThreshold;
const R_PROFILE_INCOMPLETE = IndicatorReasonCode.profileIncomplete;
const R_NO_VALUE = IndicatorReasonCode.noValue;
const R_INVALID_VALUE = IndicatorReasonCode.invalidValue;
const K_BOOLEAN = ValueKindCode.boolean;
const K_NUMBER = ValueKindCode.number;
const K_PERCENT = ValueKindCode.percent;
const K_CHOICE = ValueKindCode.choice;
const K_TEXT = ValueKindCode.text;

/** Non-blank without allocating a trimmed copy (this runs for every manual indicator of a province). */
const NON_BLANK = /\S/;
function hasText(s: string): boolean {
  // Fast path for a visible ASCII first character; anything else (Đ, Ư, non-breaking space…) asks the regex.
  const first = s.charCodeAt(0);
  return (first > 32 && first < 127) || NON_BLANK.test(s);
}

const pack = (status: IndicatorStatusCode, reason: IndicatorReasonCode): PackedJudgement => (status << 4) | reason;

function valueIsValid(kind: ValueKindCode, value: unknown, choices: ReadonlySet<string> | null): boolean {
  switch (kind) {
    case K_BOOLEAN:
      return typeof value === 'boolean';
    case K_NUMBER:
      return typeof value === 'number' && Number.isFinite(value);
    case K_PERCENT:
      return typeof value === 'number' && value >= 0 && value <= 100;
    case K_CHOICE:
      return typeof value === 'string' && choices !== null && choices.has(value);
    case K_TEXT:
      return typeof value === 'string' && hasText(value);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * Judges indicator i under a plan. A manual indicator is never computed from its value: it takes the hand
 * judgement when it carries evidence, otherwise it waits (DOMAIN.md §9: "judged by hand (đạt / chưa đạt with
 * evidence)"). A rule indicator without a threshold for this profile or year is treated the same way.
 */
export function judgeIndicator(
  plan: EvaluationPlan,
  i: number,
  indicator: CompiledIndicator,
  input: IndicatorInput | undefined,
): PackedJudgement {
  const op = plan.ops[i];
  if (op === OP_MANUAL || op === OP_NO_THRESHOLD) {
    const manual = input?.manual;
    if (manual && hasText(manual.evidence)) {
      return pack(manual.met ? MET : NOT_MET, R_MANUAL);
    }
    if (manual) return pack(NEEDS_MANUAL, R_MANUAL_WITHOUT_EVIDENCE);
    return pack(NEEDS_MANUAL, op === OP_MANUAL ? R_MANUAL_INDICATOR : R_NO_THRESHOLD);
  }
  if (op === OP_PROFILE_INCOMPLETE) {
    return pack(MISSING_VALUE, R_PROFILE_INCOMPLETE);
  }
  const value = input?.value;
  if (value === undefined || value === null) return pack(MISSING_VALUE, R_NO_VALUE);
  if (!valueIsValid(indicator.kind, value, indicator.choiceValues)) {
    return pack(MISSING_VALUE, R_INVALID_VALUE);
  }
  let met: boolean;
  switch (op) {
    case OP_GTE:
      met = (value as number) >= plan.limits[i];
      break;
    case OP_GT:
      met = (value as number) > plan.limits[i];
      break;
    case OP_LTE:
      met = (value as number) <= plan.limits[i];
      break;
    case OP_LT:
      met = (value as number) < plan.limits[i];
      break;
    case OP_IS_TRUE:
      met = value === true;
      break;
    case OP_IS_FALSE:
      met = value === false;
      break;
    case OP_ONE_OF:
      met = plan.allowed[i]?.has(value as string) ?? false;
      break;
    default:
      throw new Error(`Unknown plan op ${op}`);
  }
  return pack(met ? MET : NOT_MET, R_RULE);
}
