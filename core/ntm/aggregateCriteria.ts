import type { CompiledCatalog } from './compileCatalog';
import { IndicatorStatusCode } from './indicatorStatus';

export type CriterionStatus = 'met' | 'not_met' | 'undetermined';

export type CriterionResult = {
  readonly no: number;
  readonly name: string;
  /** met only if every indicator is met; not_met as soon as one is not met; otherwise undetermined. */
  readonly status: CriterionStatus;
  readonly notMet: readonly string[];
  readonly needsManual: readonly string[];
  readonly missingValue: readonly string[];
};

const NONE: readonly string[] = Object.freeze([]);

/** Criterion status from indicator statuses (codes listed so the UI can say what is missing). */
export function aggregateCriteria(compiled: CompiledCatalog, status: Uint8Array): CriterionResult[] {
  const results: CriterionResult[] = new Array(compiled.criteria.length);
  for (let c = 0; c < compiled.criteria.length; c++) {
    const criterion = compiled.criteria[c];
    let notMet: string[] | null = null;
    let needsManual: string[] | null = null;
    let missingValue: string[] | null = null;
    for (let i = criterion.first; i < criterion.end; i++) {
      switch (status[i]) {
        case IndicatorStatusCode.met:
          break;
        case IndicatorStatusCode.notMet:
          (notMet ??= []).push(compiled.indicators[i].code);
          break;
        case IndicatorStatusCode.needsManual:
          (needsManual ??= []).push(compiled.indicators[i].code);
          break;
        default:
          (missingValue ??= []).push(compiled.indicators[i].code);
      }
    }
    results[c] = {
      no: criterion.no,
      name: criterion.name,
      status: notMet ? 'not_met' : needsManual || missingValue ? 'undetermined' : 'met',
      notMet: notMet ?? NONE,
      needsManual: needsManual ?? NONE,
      missingValue: missingValue ?? NONE,
    };
  }
  return results;
}
