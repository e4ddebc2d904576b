import { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../core/contract/index';
import { AppError, toErrorPayload, type Result } from '../core/errors';
import type { ServiceContext } from './context';
import { handlers } from './handlers/index';

// Validation messages in Vietnamese first (zod ships a 'vi' locale).
z.config(z.locales.vi());

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

function formatIssues(error: z.ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const lines = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return { message: `Dữ liệu không hợp lệ: ${lines.join('; ')}`, issues };
}

/**
 * The single entry every host uses: check the method exists, validate the input with the contract's schema,
 * run the handler, and turn any error into data. Unknown errors are logged here, never sent to the caller.
 */
export function createDispatch(ctx: ServiceContext, onUnexpected: (e: unknown, method: string) => void): Dispatch {
  return async (method, input) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Không có chức năng "${String(method)}".` } };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const { message, issues } = formatIssues(parsed.error);
      return { ok: false, error: { code: 'VALIDATION_FAILED', message, details: { issues } } };
    }
    try {
      const handler = handlers[method] as (c: ServiceContext, i: unknown) => Promise<unknown>;
      const value = await handler(ctx, parsed.data);
      return { ok: true, value };
    } catch (e) {
      if (!(e instanceof AppError)) onUnexpected(e, method);
      return { ok: false, error: toErrorPayload(e) };
    }
  };
}

export type { MethodName };
