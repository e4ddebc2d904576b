import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BundleRecord } from '../bundle/index';
import { dataPaths } from '../paths';
import { pairedOffices, seedNtm, seedOcop, type TestOffice } from './exchangeTestKit';
import { collectRecords } from './exportService';
import { compileFastCheck, markJsonText } from './fastCheck';
import { RECORD_TYPES, recordTypeSpec } from './recordTypes';
import { validateBundleRecord } from './validateRecord';

/*
 * The compiled check may only be stricter than zod: whatever it accepts, zod accepts and returns unchanged. Checked
 * on real records of every type the test offices hold, each field replaced by values of every kind, keys dropped
 * and added; and on small schemas for each construct it knows.
 */

let office: TestOffice;
let cleanup: () => void;
let records: Record<string, BundleRecord[]>;

beforeAll(async () => {
  const pair = await pairedOffices([]);
  cleanup = pair.cleanup;
  office = pair.offices[0]!;
  await seedNtm(office, { seed: 4, evidence: 2 });
  await seedOcop(office, 4);
  records = collectRecords(office.app.context.conn.sqlite, dataPaths(office.dir).attachments, office.officeCode, 'full').records as Record<string, BundleRecord[]>;
});

afterAll(() => cleanup?.());

const KINDS: unknown[] = [
  null,
  '',
  'x',
  'x'.repeat(201),
  'x'.repeat(2001),
  0,
  1,
  2,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  {},
  [],
  '2026-03-01T08:00:00.000Z',
  '2026-02-30T08:00:00Z',
  '2026-03-01T08:00:00',
  '2026-03-01',
  '{"a":1}',
  '{bad',
  '01890000-0000-7000-8000-00000000000A',
  '01890000-0000-7000-8000-00000000000a',
  'X03390',
  'draft',
  'a'.repeat(64),
];

function mutations(record: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const own = Object.values(record);
  for (const key of Object.keys(record)) {
    for (const value of [...KINDS, ...own]) out.push({ ...record, [key]: value });
    const { [key]: _dropped, ...rest } = record;
    out.push(rest);
  }
  out.push({ ...record, extra: 1 });
  return out;
}

describe('the compiled record check', () => {
  it('compiles for the bulk types and accepts their valid records as they are', () => {
    for (const type of ['ntm_value', 'ntm_evidence_file', 'ntm_assessment', 'ntm_commune', 'ocop_producer', 'ocop_evaluation']) {
      expect(compileFastCheck(recordTypeSpec(type)!.schema), type).not.toBeNull();
    }
    for (const [type, list] of Object.entries(records)) {
      const fast = compileFastCheck(recordTypeSpec(type)!.schema);
      if (fast === null) continue;
      for (const r of list) expect(fast(r), `${type} ${JSON.stringify(r)}`).toBe(true);
    }
  });

  it('never accepts what zod refuses or would change, on every type the offices hold', () => {
    let compared = 0;
    for (const [type, list] of Object.entries(records)) {
      const spec = recordTypeSpec(type)!;
      const fast = compileFastCheck(spec.schema);
      if (fast === null) continue;
      for (const record of list.slice(0, 3)) {
        for (const m of mutations(record)) {
          if (!fast(m)) continue;
          compared += 1;
          const parsed = spec.schema.safeParse(m);
          expect(parsed.success, `${type} ${JSON.stringify(m)}`).toBe(true);
          expect(parsed.data).toEqual(m);
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(Object.keys(records).filter((t) => compileFastCheck(recordTypeSpec(t)!.schema) !== null).length).toBeGreaterThan(8);
  });

  it('matches zod on each construct it knows, and leaves the others to zod', () => {
    const json = markJsonText(z.string().max(10).refine((s) => { try { JSON.parse(s); return true; } catch { return false; } }));
    const schema = z.strictObject({
      a: z.string().min(2).max(4).regex(/^[a-z]+$/),
      b: z.number().int().min(1).max(3),
      c: z.union([z.literal(0), z.literal(1)]).nullable(),
      d: z.enum(['x', 'y']),
      e: z.iso.datetime({ offset: true }),
      f: json.nullable(),
      g: z.number().gt(0).lt(1),
    });
    const fast = compileFastCheck(schema)!;
    expect(fast).not.toBeNull();
    const good = { a: 'abc', b: 2, c: null, d: 'x', e: '2026-03-01T08:00:00+07:00', f: '[1]', g: 0.5 };
    expect(fast(good)).toBe(true);
    for (const m of mutations(good)) expect(fast(m), JSON.stringify(m)).toBe(schema.safeParse(m).success && JSON.stringify(schema.parse(m)) === JSON.stringify(m));
    // Not known: a refinement it was not told about, a default, a loose object, a transform.
    expect(compileFastCheck(z.string().refine((s) => s !== 'a'))).toBeNull();
    expect(compileFastCheck(z.strictObject({ a: z.string().default('x') }))).toBeNull();
    expect(compileFastCheck(z.object({ a: z.string() }))).toBeNull();
    expect(compileFastCheck(z.string().transform((s) => s.trim()))).toBeNull();
    // Constructs that look alike but check more: compiled to nothing, or no looser than zod.
    const lookalikes: [z.ZodType, unknown[]][] = [
      [z.int(), [1, 1.5, 2 ** 60]],
      [z.int32(), [1, 2 ** 40]],
      [z.xor([z.string(), z.string().min(1)]), ['a', '']],
      [z.strictObject({ a: z.exactOptional(z.string()) }), [{ a: undefined }, { a: 'x' }, {}]],
      [z.enum({ A: 0, B: 1, 0: 'A', 1: 'B' } as unknown as Record<string, number>), [0, 'A']],
      [z.string().min(2), ['😀', 'ab', 'a']],
      [z.string().max(1), ['😀', 'a']],
    ];
    for (const [s, values] of lookalikes) {
      const f = compileFastCheck(s);
      if (f === null) continue;
      for (const v of values) if (f(v)) expect(s.safeParse(v).success, `${JSON.stringify(s._zod.def.type)} ${JSON.stringify(v)}`).toBe(true);
    }
    // The types it does not compile are still checked by zod.
    const uncompiled = RECORD_TYPES.filter((t) => compileFastCheck(t.schema) === null).map((t) => t.name);
    expect(uncompiled).toContain('attachment');
    expect(() => validateBundleRecord('attachment', { id: 'a'.repeat(64), sha256: 'b'.repeat(64), size: 1, mime: 'x', created_at: '2026-03-01T08:00:00Z' })).toThrow(/sha256/);
  });
});
