import type { Kysely, Selectable } from 'kysely';
import type { Database, NtmAssessmentTable, NtmValueTable } from '../../../db/schema';

export type QuarterAssessment = Selectable<NtmAssessmentTable>;
export type QuarterValue = Pick<
  Selectable<NtmValueTable>,
  'assessment_id' | 'indicator_code' | 'value_json' | 'manual_met' | 'evidence'
>;

/**
 * The assessments of a quarter under one catalog for the given communes, and their live values, in a few
 * chunked queries. Takes `db` or the caller's `trx` (inside a transaction only `trx` may be used).
 */
export async function quarterValues(
  db: Kysely<Database>,
  communeIds: readonly string[],
  period: string,
  catalogId: string,
): Promise<{ assessments: Map<string, QuarterAssessment>; values: Map<string, Map<string, QuarterValue>> }> {
  const assessments = new Map<string, QuarterAssessment>();
  const values = new Map<string, Map<string, QuarterValue>>();
  for (let i = 0; i < communeIds.length; i += 500) {
    const rows = await db
      .selectFrom('ntm_assessment')
      .selectAll()
      .where('commune_id', 'in', communeIds.slice(i, i + 500))
      .where('period', '=', period)
      .where('catalog_id', '=', catalogId)
      .where('deleted', '=', 0)
      .execute();
    for (const a of rows) assessments.set(a.commune_id, a);
  }
  const ids = [...assessments.values()].map((a) => a.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('ntm_value')
      .select(['assessment_id', 'indicator_code', 'value_json', 'manual_met', 'evidence'])
      .where('assessment_id', 'in', ids.slice(i, i + 500))
      .where('deleted', '=', 0)
      .execute();
    for (const v of rows) {
      if (!values.has(v.assessment_id)) values.set(v.assessment_id, new Map());
      values.get(v.assessment_id)!.set(v.indicator_code, v);
    }
  }
  return { assessments, values };
}
