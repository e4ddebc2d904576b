import {
  compileCatalog,
  evaluateCommune,
  planFor,
  REGION_CODES,
  type CommuneProfile,
  type CompiledCatalog,
  type IndicatorInput,
} from '../core/ntm/index';
import { PlanOp, type EvaluationPlan } from '../core/ntm/evaluationPlan';
import { loadShippedNtmCatalogs } from '../db/reference/ntm/index';
import { medianMs, seededRandom, type Bench } from './bench';

/**
 * A whole country's quarter (3,321 communes, the count after 1 July 2025) against QĐ 318/QĐ-TTg with
 * synthetic values: evaluateCommune (statuses, reasons, criterion lists, band) against a plain loop over
 * the same rows that only does the comparisons and counts criteria met. Both loops see thresholds already
 * chosen per profile (planFor caches them; the baseline is handed them), so the ratio is the price of the
 * richer result, not of choosing thresholds.
 */
const COMMUNES = 3321;
const YEAR = 2025;

type Row = {
  profile: CommuneProfile;
  aligned: (IndicatorInput | undefined)[];
  byCode: Record<string, IndicatorInput>;
  plan: EvaluationPlan;
};

function syntheticRows(compiled: CompiledCatalog): Row[] {
  const random = seededRandom(318);
  const rows: Row[] = [];
  for (let r = 0; r < COMMUNES; r++) {
    const profile: CommuneProfile = {
      region: REGION_CODES[r % REGION_CODES.length]!,
      group: null,
      flags: Object.fromEntries(compiled.flagCodes.map((f, k) => [f, (r >> k) % 5 === 0])),
    };
    const aligned = compiled.indicators.map((indicator): IndicatorInput => {
      if (indicator.manual) {
        const judged = random() < 0.9;
        return {
          manual: judged ? { met: random() < 0.8, evidence: random() < 0.95 ? `Biên bản số ${r}/BB-UBND` : '' } : null,
        };
      }
      switch (indicator.source.valueKind) {
        case 'boolean':
          return { value: random() < 0.85 };
        case 'number':
          return { value: Math.round(random() * 1000) / 10 };
        case 'percent':
          return { value: Math.round((40 + random() * 60) * 10) / 10 };
        case 'choice': {
          const choices = indicator.source.choices ?? [];
          return { value: choices[Math.floor(random() * choices.length)]!.value };
        }
        case 'text':
          return { value: 'Có văn bản' };
        default: {
          const never: never = indicator.source.valueKind;
          return never;
        }
      }
    });
    const byCode = Object.fromEntries(compiled.indicators.map((ind, i) => [ind.code, aligned[i]!]));
    rows.push({ profile, aligned, byCode, plan: planFor(compiled, profile, YEAR) });
  }
  return rows;
}

// Local copies: imported bindings may compile to getter calls under tsx (see core/ntm/judgeIndicator.ts).
const MANUAL = PlanOp.manual;
const NO_THRESHOLD = PlanOp.noThreshold;
const GTE = PlanOp.gte;
const GT = PlanOp.gt;
const LTE = PlanOp.lte;
const LT = PlanOp.lt;
const IS_TRUE = PlanOp.isTrue;
const IS_FALSE = PlanOp.isFalse;
const ONE_OF = PlanOp.oneOf;

/** The least work that gives the same count of criteria met: compare, AND per criterion, count. */
function plainLoop(compiled: CompiledCatalog, rows: Row[]): number {
  const { criteria } = compiled;
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const { aligned, plan } = rows[r]!;
    const { ops, limits, allowed } = plan;
    for (let c = 0; c < criteria.length; c++) {
      const { first, end } = criteria[c]!;
      let all = true;
      for (let i = first; i < end; i++) {
        const input = aligned[i];
        const op = ops[i];
        let met: boolean;
        if (op === MANUAL || op === NO_THRESHOLD) {
          const manual = input?.manual;
          met = manual !== null && manual !== undefined && manual.met && manual.evidence !== '';
        } else {
          const v = input?.value;
          if (op === GTE) met = typeof v === 'number' && v >= limits[i]!;
          else if (op === GT) met = typeof v === 'number' && v > limits[i]!;
          else if (op === LTE) met = typeof v === 'number' && v <= limits[i]!;
          else if (op === LT) met = typeof v === 'number' && v < limits[i]!;
          else if (op === IS_TRUE) met = v === true;
          else if (op === IS_FALSE) met = v === false;
          else if (op === ONE_OF) met = typeof v === 'string' && (allowed[i]?.has(v) ?? false);
          else met = false;
        }
        if (!met) all = false;
      }
      if (all) total++;
    }
  }
  return total;
}

function evaluated(compiled: CompiledCatalog, rows: Row[], form: 'aligned' | 'byCode'): number {
  let total = 0;
  for (const row of rows)
    total += evaluateCommune(compiled, row.profile, YEAR, form === 'aligned' ? row.aligned : row.byCode).metCount;
  return total;
}

export const bench: Bench = {
  run: async (scale) => {
    const catalog = loadShippedNtmCatalogs().find((c) => c.id === 'QD318-2022-XA-NTM')!;
    const compiled = compileCatalog(catalog);
    const rows = syntheticRows(compiled);
    const runs = Math.round(30 * scale);
    const expected = plainLoop(compiled, rows);
    const agree = (form: 'aligned' | 'byCode') =>
      evaluated(compiled, rows, form) === expected ? `${expected} criteria met in both` : 'RESULTS DIFFER';
    const baselineMs = await medianMs(() => plainLoop(compiled, rows), runs);
    const alignedMs = await medianMs(() => evaluated(compiled, rows, 'aligned'), runs);
    const byCodeMs = await medianMs(() => evaluated(compiled, rows, 'byCode'), runs);
    const what = `${COMMUNES} communes × ${compiled.indicators.length} indicators`;
    return [
      { name: 'ntm-evaluate (aligned inputs)', baselineMs, subjectMs: alignedMs, note: `${what}; ${agree('aligned')}` },
      { name: 'ntm-evaluate (inputs by code)', baselineMs, subjectMs: byCodeMs, note: `${what}; ${agree('byCode')}` },
    ];
  },
};
