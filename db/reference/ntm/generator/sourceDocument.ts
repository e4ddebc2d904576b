import { z } from 'zod';

/**
 * The parts of the research file /work/shared/domain/ntm-commune-criteria.json the generator reads. Loose
 * objects: the file carries much more (notes, targets) that the catalogs do not need.
 */
const criterionRow = z.looseObject({
  no: z.number().int(),
  name: z.string(),
  group: z.string().optional(),
  guiding_ministry_unverified: z.string().optional(),
});

const setRow = z.looseObject({ id: z.string(), decision: z.string() });

export const sourceDocumentSchema = z.looseObject({
  regions: z.array(z.looseObject({ code: z.string(), name: z.string() })),
  sets: z.array(setRow),
  recognition: z.looseObject({
    'QD18-2022': z.looseObject({
      decision: z.string(),
      revocation_commune: z.array(z.string()),
      sources: z.array(z.string()),
    }),
  }),
  gaps: z.array(z.string()),
});

export const setWithCriteriaSchema = setRow.extend({ criteria: z.array(criterionRow) });

export const set1980Schema = setWithCriteriaSchema.extend({
  criteria_source: z.string(),
  known_thresholds: z.array(
    z.looseObject({
      criterion: z.number().int(),
      indicator: z.string(),
      national: z.union([z.number(), z.string()]),
      by_region: z.record(z.string(), z.number()).optional(),
      source: z.string(),
    }),
  ),
});

export const set319Schema = setRow.extend({ conditions: z.array(z.string()).length(4), source: z.string() });

export type SourceDocument = z.infer<typeof sourceDocumentSchema>;
export type CriterionRow = z.infer<typeof criterionRow>;

export function findSet<T extends z.ZodType>(doc: SourceDocument, id: string, schema: T): z.infer<T> {
  const row = doc.sets.find((s) => s.id === id);
  if (!row) throw new Error(`Set ${id} is missing from the research file`);
  return schema.parse(row);
}

/** "Hạ tầng kinh tế - xã hội" → "Hạ tầng kinh tế – xã hội": the research file typed hyphens for dashes. */
export function typographic(text: string): string {
  return text.replace(/ - /g, ' – ');
}
