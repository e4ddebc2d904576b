/**
 * Errors that cross a boundary (IPC, HTTP, CLI) carry a stable machine code and a Vietnamese message
 * for the person at the keyboard. Never a stack trace.
 */
export class AppError extends Error {
  readonly code: string;
  readonly details: unknown;

  constructor(code: string, messageVi: string, details?: unknown) {
    super(messageVi);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export type ErrorPayload = { code: string; message: string; details?: unknown };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns anything thrown into the data that crosses a host boundary. Unknown errors get a generic message. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (isAppError(e)) {
    return e.details === undefined
      ? { code: e.code, message: e.message }
      : { code: e.code, message: e.message, details: e.details };
  }
  return { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại hoặc báo cho quản trị viên.' };
}
