import { describe, expect, it } from 'vitest';
import * as contract from '../core/contract';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL } from './channels';
import { createExposedApi, type IpcRendererPort } from './preloadApi';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererPort & { emit(channel: string, ...args: unknown[]): void; count(channel: string): number } = {
    async invoke(channel, ...args) {
      invoked.push([channel, ...args]);
      return { ok: true, value: 'answer' };
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
    emit(channel, ...args) {
      const fakeEvent = { sender: { send: () => 'this is ipcRenderer' } };
      for (const l of listeners.get(channel) ?? []) l(fakeEvent, ...args);
    },
    count(channel) {
      return listeners.get(channel)?.size ?? 0;
    },
  };
  return { ipc, invoked };
}

describe('channels', () => {
  it('equal the contract’s', () => {
    expect(API_CALL_CHANNEL).toBe(contract.API_CALL_CHANNEL);
    expect(API_EVENT_CHANNEL).toBe(contract.API_EVENT_CHANNEL);
  });
});

describe('createExposedApi', () => {
  it('exposes call and on only, frozen, with no IPC object reachable', () => {
    const { ipc } = fakeIpc();
    const api = createExposedApi(ipc);
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('call always invokes api:call with the method and input', async () => {
    const { ipc, invoked } = fakeIpc();
    const api = createExposedApi(ipc);
    expect(await api.call('units.search', { query: 'Tân' })).toEqual({ ok: true, value: 'answer' });
    expect(invoked).toEqual([['api:call', 'units.search', { query: 'Tân' }]]);
  });

  it('on delivers only the payload of the named event, never the IPC event object', () => {
    const { ipc } = fakeIpc();
    const api = createExposedApi(ipc);
    const received: unknown[][] = [];
    api.on('backup.done', (...args) => received.push(args));
    ipc.emit('api:event', { name: 'backup.done', payload: { file: 'x' } });
    ipc.emit('api:event', { name: 'other', payload: 1 });
    ipc.emit('api:event', 'garbage');
    ipc.emit('api:event', null);
    expect(received).toEqual([[{ file: 'x' }]]);
  });

  it('the returned function unsubscribes, once', () => {
    const { ipc } = fakeIpc();
    const api = createExposedApi(ipc);
    const received: unknown[] = [];
    const off = api.on('x', (p) => received.push(p));
    expect(ipc.count('api:event')).toBe(1);
    off();
    off();
    expect(ipc.count('api:event')).toBe(0);
    ipc.emit('api:event', { name: 'x', payload: 1 });
    expect(received).toEqual([]);
  });
});
