/**
 * The host seam for filesystem paths. The renderer never sends a path (STYLE.md §Boundaries 3): a service that
 * needs one ("export the report to…", "import this bundle", "back up into…") asks the host, which shows a native
 * dialog and returns the chosen absolute path, or null when the person cancels.
 *
 * `openApp({ dataDir, host })` receives one `HostContext` (declared in `core/contract/host.ts`, where services can
 * import it) for the life of the app. Each host implements it its own way: Electron with native dialogs
 * (`createDialogHostContext` below), the CLI from its arguments, the web host and tests with fixed paths.
 *
 * This file must not import `electron` at run time; `main.ts` passes Electron's `dialog` in as a `DialogPort`.
 */
import path from 'node:path';
import type { FileFilter, HostContext } from '../core/contract/host';

/** The subset of Electron's `dialog` we use, already bound to the parent window by the caller. */
export type DialogPort = {
  showOpenDialog(options: {
    title?: string;
    filters?: FileFilter[];
    properties: Array<'openFile' | 'openDirectory' | 'createDirectory' | 'dontAddToRecent'>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title?: string;
    defaultPath?: string;
    filters?: FileFilter[];
    properties: Array<'createDirectory' | 'showOverwriteConfirmation' | 'dontAddToRecent'>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
};

/**
 * Reduces a suggested name to a bare file name: no directories, no separators of either OS, no NUL, no
 * characters Windows forbids. A service may build the suggestion from user data (a commune name), so it is
 * treated as untrusted. Returns undefined when nothing usable is left.
 */
export function safeDefaultFileName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = path.win32.basename(path.posix.basename(name));
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = base.replace(/[\u0000-\u001f<>:"/\\|?*]/g, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return undefined;
  return cleaned;
}

function firstPath(paths: string[]): string | null {
  const chosen = paths[0];
  return chosen !== undefined && chosen !== '' && path.isAbsolute(chosen) ? chosen : null;
}

/** The Electron implementation of `HostContext` over a `DialogPort`: all three pickers, as native dialogs. */
export function createDialogHostContext(dialog: DialogPort): Required<Omit<HostContext, 'osKeyStore'>> {
  return {
    kind: 'electron',
    async pickOpenFile(options) {
      const result = await dialog.showOpenDialog({
        title: options.title,
        filters: options.filters,
        properties: ['openFile', 'dontAddToRecent'],
      });
      return result.canceled ? null : firstPath(result.filePaths);
    },
    async pickSaveFile(options) {
      const result = await dialog.showSaveDialog({
        title: options.title,
        defaultPath: safeDefaultFileName(options.defaultName),
        filters: options.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
      });
      return result.canceled || result.filePath === undefined ? null : firstPath([result.filePath]);
    },
    async pickFolder(options) {
      const result = await dialog.showOpenDialog({
        title: options.title,
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
      });
      return result.canceled ? null : firstPath(result.filePaths);
    },
  };
}
