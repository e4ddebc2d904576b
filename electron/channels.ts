/**
 * The two IPC channel names, for the preload. They equal `API_CALL_CHANNEL` / `API_EVENT_CHANNEL` of
 * `core/contract` (a test holds them equal); they are repeated here because importing `core/contract` would
 * bundle zod and every schema into the sandboxed preload, which only needs these two strings.
 */
export const API_CALL_CHANNEL = 'api:call';
export const API_EVENT_CHANNEL = 'api:event';
