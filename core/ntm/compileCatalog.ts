import type { Catalog, Indicator, ThresholdRule } from './catalogSchema';
import type { EvaluationPlan } from './evaluationPlan';

/** Value kinds as small integers for the evaluation loop. */
export const ValueKindCode = { boolean: 0, number: 1, percent: 2, choice: 3, text: 4 } as const;
export type ValueKindCode = (typeof ValueKindCode)[keyof typeof ValueKindCode];

export type CompiledIndicator = {
  readonly code: string;
  readonly criterionIndex: number;
  readonly manual: boolean;
  readonly kind: ValueKindCode;
  readonly choiceValues: ReadonlySet<string> | null;
  readonly rules: readonly ThresholdRule[];
  readonly source: Indicator;
};

export type CompiledCriterion = {
  readonly no: number;
  readonly name: string;
  /** Indicator indexes [first, end) in CompiledCatalog.indicators. */
  readonly first: number;
  readonly end: number;
};

/**
 * A catalog flattened once into arrays and lookups. Evaluation plans (one per distinct profile and year) are
 * cached on it, so a province run compiles each threshold choice once and then only compares numbers.
 */
export type CompiledCatalog = {
  readonly catalog: Catalog;
  readonly indicators: readonly CompiledIndicator[];
  readonly indicatorIndex: ReadonlyMap<string, number>;
  readonly criteria: readonly CompiledCriterion[];
  readonly criterionIndex: ReadonlyMap<number, number>;
  readonly flagCodes: readonly string[];
  /** Filled lazily by planFor(); keyed by the raw profile and year. */
  readonly plans: Map<string, EvaluationPlan>;
};

/** Compiles a catalog that has passed parseCatalog (its semantics are assumed checked). */
export function compileCatalog(catalog: Catalog): CompiledCatalog {
  const indicators: CompiledIndicator[] = [];
  const indicatorIndex = new Map<string, number>();
  const criteria: CompiledCriterion[] = [];
  const criterionIndex = new Map<number, number>();
  catalog.criteria.forEach((criterion, ci) => {
    const first = indicators.length;
    for (const indicator of criterion.indicators) {
      indicatorIndex.set(indicator.code, indicators.length);
      indicators.push({
        code: indicator.code,
        criterionIndex: ci,
        manual: indicator.judgement === 'manual',
        kind: ValueKindCode[indicator.valueKind],
        choiceValues: indicator.choices ? new Set(indicator.choices.map((c) => c.value)) : null,
        rules: indicator.thresholds,
        source: indicator,
      });
    }
    criterionIndex.set(criterion.no, ci);
    criteria.push({ no: criterion.no, name: criterion.name, first, end: indicators.length });
  });
  return {
    catalog,
    indicators,
    indicatorIndex,
    criteria,
    criterionIndex,
    flagCodes: catalog.profileFlags.map((f) => f.code),
    plans: new Map(),
  };
}
