import type { MethodInput, MethodName, MethodOutput } from '../../../core/contract/index';
import type { ErrorPayload, Result } from '../../../core/errors';

/**
 * The only module that touches the transport. In Electron the preload exposes `window.api`; in a browser
 * (the web host) calls go over HTTP to 127.0.0.1 with the per-run secret from the URL the host printed.
 */
type Bridge = {
  call: (method: string, input: unknown) => Promise<Result<unknown>>;
  on: (event: string, listener: (payload: unknown) => void) => () => void;
};

declare global {
  interface Window {
    api?: Bridge;
  }
}

const SECRET_KEY = 'ntm-desk-secret';

function webSecret(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(SECRET_KEY, fromUrl);
    // Keep the secret out of the address bar, history and screenshots.
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(SECRET_KEY) ?? '';
}

function webBridge(): Bridge {
  const secret = webSecret();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const ensureSource = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`/api/events?secret=${encodeURIComponent(secret)}`);
    source.onmessage = (m) => {
      const event = JSON.parse(String(m.data)) as { name: string; payload: unknown };
      listeners.get(event.name)?.forEach((l) => l(event.payload));
    };
  };
  return {
    call: async (method, input) => {
      try {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-NTM-Secret': secret },
          body: JSON.stringify({ method, input }),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'HOST_UNREACHABLE', message: 'Không kết nối được với ứng dụng. Hãy kiểm tra NTM Desk còn đang chạy.' } };
      }
    },
    on: (event, listener) => {
      ensureSource();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
}

let bridge: Bridge | null = null;
function getBridge(): Bridge {
  bridge ??= window.api ?? webBridge();
  return bridge;
}

export class ApiError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.details = payload.details;
  }
}

/** Calls a contract method; resolves with its value or rejects with ApiError (code + Vietnamese message). */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await getBridge().call(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as MethodOutput<M>;
}

export function onEvent(event: string, listener: (payload: unknown) => void): () => void {
  return getBridge().on(event, listener);
}

/** Field errors of a VALIDATION_FAILED error, keyed by field path. */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError) || e.code !== 'VALIDATION_FAILED') return {};
  const issues = (e.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  return Object.fromEntries(issues.map((i) => [i.path, i.message]));
}
