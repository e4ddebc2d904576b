import type { z } from 'zod';
import type { BundleRecord } from '../bundle/index';
import { compileFastCheck, type FastCheck } from './fastCheck';
import { recordTypeSpec } from './recordTypes';

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(bản ghi)'}: ${i.message}`)
    .join('; ');
}

const compiled = new Map<string, FastCheck | null>();

/**
 * Checks each record against its type's zod schema while the bundle is read (readBundle's validator hook). A
 * record the compiled check accepts is one zod accepts unchanged, and is taken as it is (fastCheck.ts).
 */
export function validateBundleRecord(recordType: string, record: BundleRecord): BundleRecord {
  const spec = recordTypeSpec(recordType);
  if (spec === undefined) return record; // refused as a whole after reading, with its own code
  let fast = compiled.get(recordType);
  if (fast === undefined) {
    fast = compileFastCheck(spec.schema);
    compiled.set(recordType, fast);
  }
  if (fast !== null && fast(record)) return record;
  const parsed = spec.schema.safeParse(record);
  if (!parsed.success) throw new Error(formatIssues(parsed.error));
  return parsed.data as BundleRecord;
}
