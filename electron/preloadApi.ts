/**
 * What the preload exposes as `window.api`, built over a minimal IPC port so it is tested without Electron.
 *
 * Rules (Electron security checklist, "do not expose Electron APIs to untrusted content"):
 * - `ipcRenderer` itself never crosses the bridge; only `call` and `on` do.
 * - A listener receives the event's payload only, never the `IpcRendererEvent` (its `sender` is ipcRenderer).
 * - The renderer cannot pick a channel: `call` always invokes `api:call`, `on` always listens on `api:event`.
 */
import type { Result } from '../core/errors';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL } from './channels';

/** The part of `ipcRenderer` the preload uses. */
export type IpcRendererPort = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
};

/** `window.api`. The renderer's typed wrapper (`renderer/src/api/`) narrows `method`, input and output. */
export type ExposedApi = {
  call(method: string, input?: unknown): Promise<Result<unknown>>;
  on(eventName: string, listener: (payload: unknown) => void): () => void;
};

/** What main sends on `api:event`. */
export type ApiEvent = { name: string; payload: unknown };

function isApiEvent(value: unknown): value is ApiEvent {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

export function createExposedApi(ipc: IpcRendererPort): ExposedApi {
  return Object.freeze({
    call(method: string, input?: unknown): Promise<Result<unknown>> {
      return ipc.invoke(API_CALL_CHANNEL, String(method), input) as Promise<Result<unknown>>;
    },
    on(eventName: string, listener: (payload: unknown) => void): () => void {
      const name = String(eventName);
      const handler = (_event: unknown, message: unknown): void => {
        if (isApiEvent(message) && message.name === name) listener(message.payload);
      };
      ipc.on(API_EVENT_CHANNEL, handler);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(API_EVENT_CHANNEL, handler);
      };
    },
  });
}
