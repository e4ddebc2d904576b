import type { Kysely } from 'kysely';
import type { IndicatorInput } from '../../core/ntm/index';
import type { Database } from '../../db/schema';
import { inputOf } from './assessment';

/**
 * The indicator inputs of many assessments at once (values, hand judgements, evidence notes and file names),
 * in chunks that stay under SQLite's bound-parameter limit. Used by the matrix, reports and plans.
 */
export async function loadAssessmentInputs(db: Kysely<Database>, assessmentIds: readonly string[]): Promise<Map<string, Record<string, IndicatorInput>>> {
  const inputs = new Map<string, Record<string, IndicatorInput>>();
  for (let i = 0; i < assessmentIds.length; i += 500) {
    const chunk = assessmentIds.slice(i, i + 500);
    const files = await db
      .selectFrom('ntm_evidence_file')
      .select(['assessment_id', 'indicator_code', 'file_name'])
      .where('assessment_id', 'in', chunk)
      .where('deleted', '=', 0)
      .execute();
    const fileNames = new Map<string, string[]>();
    for (const f of files) {
      const key = `${f.assessment_id}/${f.indicator_code}`;
      fileNames.set(key, [...(fileNames.get(key) ?? []), f.file_name]);
    }
    const rows = await db
      .selectFrom('ntm_value')
      .select(['assessment_id', 'indicator_code', 'value_json', 'manual_met', 'evidence'])
      .where('assessment_id', 'in', chunk)
      .where('deleted', '=', 0)
      .execute();
    for (const v of rows) {
      let forAssessment = inputs.get(v.assessment_id);
      if (!forAssessment) inputs.set(v.assessment_id, (forAssessment = {}));
      forAssessment[v.indicator_code] = inputOf(v, fileNames.get(`${v.assessment_id}/${v.indicator_code}`) ?? []);
    }
  }
  return inputs;
}
