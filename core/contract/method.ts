import type { z } from 'zod';

/**
 * Declares one contract method: its zod input schema, a line on what the caller may pass, and (as a type
 * witness only) its output: `method(schema, 'doc').returns<Output>()`.
 */
export function method<I extends z.ZodType>(input: I, doc: string) {
  return { returns: <O>() => ({ input, doc, output: undefined as unknown as O }) };
}
