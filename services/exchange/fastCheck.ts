import type { z } from 'zod';

/*
 * A plain predicate compiled from a record type's zod schema, for the import's hot path: when it says yes, zod
 * would accept the record and return an equal copy, so the record is taken as it is; when it says no (or the
 * schema uses anything not listed here), zod itself decides and gives its message. It may only ever be stricter
 * than zod, never looser: fastCheck.test.ts checks that on mutated records of every type.
 *
 * It reads zod 4's schema definitions (`_zod.def`): types string, number, literal, enum, union, nullable, optional
 * and strict object; checks min/max length, regex, ISO datetime, safe integer, inclusive/exclusive bounds, and the
 * one refinement it knows (markJsonText). Anything else compiles to null.
 */

export type FastCheck = (value: unknown) => boolean;

const JSON_TEXT = new WeakSet<object>();

/** Marks a `z.string()…refine(isJson)` schema, whose only custom check is "parses as JSON". */
export function markJsonText<T extends object>(schema: T): T {
  JSON_TEXT.add(schema);
  return schema;
}

type Def = { type: string; [key: string]: unknown };
type CheckDef = { check: string; [key: string]: unknown };

const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } })?._zod?.def;
const checksOf = (def: Def): CheckDef[] | null => {
  const checks = (def.checks ?? []) as { _zod?: { def?: CheckDef } }[];
  const out: CheckDef[] = [];
  for (const c of checks) {
    const d = c._zod?.def;
    if (d === undefined) return null;
    out.push(d);
  }
  return out;
};

/** Whether a text parses as JSON (the refinement of recordTypes.ts's JSON text columns). */
export function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

const SURROGATE = /[\uD800-\uDFFF]/;

const plainRegex = (p: unknown): p is RegExp => p instanceof RegExp && !p.global && !p.sticky;

export function compileFastCheck(schema: z.ZodType): FastCheck | null {
  const def = defOf(schema);
  if (def === undefined || def.coerce === true) return null;
  switch (def.type) {
    case 'string':
      return stringCheck(schema, def);
    case 'number':
      return numberCheck(def);
    case 'literal': {
      const values = def.values;
      if (!Array.isArray(values) || (checksOf(def)?.length ?? 1) > 0) return null;
      const set = new Set<unknown>(values);
      return (v) => set.has(v);
    }
    case 'enum': {
      const entries = def.entries;
      if (entries === null || typeof entries !== 'object' || (checksOf(def)?.length ?? 1) > 0) return null;
      // z.enum of strings only (a native numeric enum also holds its reverse mapping).
      if (Object.entries(entries).some(([k, v]) => k !== v)) return null;
      const set = new Set<unknown>(Object.values(entries));
      return (v) => set.has(v);
    }
    case 'union': {
      const options = def.options as z.ZodType[] | undefined;
      // z.xor (inclusive: false) refuses a value two options accept; a discriminated union has objects anyway.
      if (!Array.isArray(options) || def.inclusive === false || def.discriminator !== undefined || (checksOf(def)?.length ?? 1) > 0) return null;
      // Options whose output is their input (no objects): the first that passes gives zod's result too.
      if (options.some((o) => defOf(o)?.type === 'object')) return null;
      const compiled = options.map(compileFastCheck);
      if (compiled.some((c) => c === null)) return null;
      const list = compiled as FastCheck[];
      return (v) => list.some((c) => c(v));
    }
    case 'nullable':
    case 'optional': {
      if ((checksOf(def)?.length ?? 1) > 0) return null;
      const inner = compileFastCheck(def.innerType as z.ZodType);
      if (inner === null) return null;
      // A present optional key must hold a value (z.exactOptional refuses undefined; JSON never holds it).
      return def.type === 'nullable' ? (v) => v === null || inner(v) : (v) => v !== undefined && inner(v);
    }
    case 'object':
      return objectCheck(def);
    default:
      return null;
  }
}

function stringCheck(schema: unknown, def: Def): FastCheck | null {
  const patterns: RegExp[] = [];
  if (def.format !== undefined) {
    // The schema is itself a format (z.iso.datetime): zod 4 checks it by its pattern alone.
    if (def.format !== 'datetime' || !plainRegex(def.pattern)) return null;
    patterns.push(def.pattern);
  }
  const checks = checksOf(def);
  if (checks === null) return null;
  let min = 0;
  let max = Infinity;
  let json = false;
  for (const c of checks) {
    if (c.check === 'min_length' && typeof c.minimum === 'number') min = Math.max(min, c.minimum);
    else if (c.check === 'max_length' && typeof c.maximum === 'number') max = Math.min(max, c.maximum);
    else if (c.check === 'string_format' && c.format === 'regex' && plainRegex(c.pattern)) patterns.push(c.pattern);
    else if (c.check === 'custom' && JSON_TEXT.has(schema as object) && !json) json = true;
    else return null;
  }
  // zod counts code points; UTF-16 units are never fewer, so `max` holds, and `min` holds when no pair is present.
  return (v) => {
    if (typeof v !== 'string' || v.length < min || v.length > max) return false;
    if (min > 1 && SURROGATE.test(v)) return false;
    for (const p of patterns) if (!p.test(v)) return false;
    return !json || isJson(v);
  };
}

function numberCheck(def: Def): FastCheck | null {
  const checks = checksOf(def);
  if (checks === null) return null;
  // z.int() is a number with the format on the schema itself; other formats (int32, float32…) are not compiled.
  if (def.format !== undefined && def.format !== 'safeint') return null;
  let safeInt = def.format === 'safeint';
  let lo = -Infinity;
  let loInclusive = true;
  let hi = Infinity;
  let hiInclusive = true;
  for (const c of checks) {
    if (c.check === 'number_format' && c.format === 'safeint') safeInt = true;
    else if (c.check === 'greater_than' && typeof c.value === 'number' && lo === -Infinity) {
      lo = c.value;
      loInclusive = c.inclusive === true;
    } else if (c.check === 'less_than' && typeof c.value === 'number' && hi === Infinity) {
      hi = c.value;
      hiInclusive = c.inclusive === true;
    } else return null;
  }
  return (v) =>
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!safeInt || Number.isSafeInteger(v)) &&
    (loInclusive ? v >= lo : v > lo) &&
    (hiInclusive ? v <= hi : v < hi);
}

function objectCheck(def: Def): FastCheck | null {
  // Strict objects only (an unknown key is refused, not stripped), without refinements.
  if (defOf(def.catchall)?.type !== 'never' || (checksOf(def)?.length ?? 1) > 0) return null;
  const shape = def.shape as Record<string, z.ZodType> | undefined;
  if (shape === undefined || shape === null || Object.getOwnPropertySymbols(shape).length > 0) return null;
  const keys = Object.keys(shape);
  const fields: FastCheck[] = [];
  for (const key of keys) {
    const inner = defOf(shape[key]);
    // A missing optional key would pass zod; the key count below refuses it here, so zod decides.
    if (inner === undefined) return null;
    const c = compileFastCheck(shape[key]!);
    if (c === null) return null;
    fields.push(c);
  }
  const n = keys.length;
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    if (Object.keys(o).length !== n) return false;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      if (!Object.hasOwn(o, key) || !fields[i]!(o[key])) return false;
    }
    return true;
  };
}
