/**
 * The preload of the one window. Sandboxed, so it is built to CommonJS (`out/electron/preload.cjs`, STACK.md
 * trap 3) and may only `require('electron')`; the build checks that nothing else is imported at run time.
 * It exposes `window.api = { call, on }` and nothing more (see `preloadApi.ts`).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createExposedApi, type IpcRendererPort } from './preloadApi';

const port: IpcRendererPort = {
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  on: (channel, listener) => ipcRenderer.on(channel, listener),
  removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
};

contextBridge.exposeInMainWorld('api', createExposedApi(port));
