import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, PDF_FONT_FILES, runtimeImports } from './build-electron.mjs';

let outDir: string;
let result: Awaited<ReturnType<typeof buildElectron>>;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'ntm-build-electron-'));
  result = await buildElectron({ outDir, logLevel: 'silent' });
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);

describe('build-electron', () => {
  it('writes CommonJS bundles named .cjs (sandboxed preloads must be CommonJS)', () => {
    for (const file of ['main.cjs', 'preload.cjs']) {
      const text = readFileSync(path.join(outDir, file), 'utf8');
      expect(text, file).toMatch(/require\("electron"\)/);
      expect(text, file).not.toMatch(/^\s*(import|export)\s/m);
    }
  });

  it('leaves only electron, better-sqlite3 and Node builtins to be required by main', () => {
    const externals = runtimeImports(result.main);
    expect(externals).toContain('electron');
    expect(externals.filter((m) => !isBuiltin(m)).sort()).toEqual(['better-sqlite3', 'electron']);
  });

  it('puts the PDF font beside main.cjs, where the bundled font loader finds it', async () => {
    for (const file of PDF_FONT_FILES) expect(readFileSync(path.join(outDir, 'fonts', file)).length, file).toBeGreaterThan(1000);
    // The loader in the bundle resolves `fonts` against main.cjs's own URL (not the source tree, not the system).
    const main = readFileSync(path.join(outDir, 'main.cjs'), 'utf8');
    expect(main).toContain('__importMetaUrl');
  });

  it('lets the preload require electron and nothing else', () => {
    expect(result.preloadRuntimeImports).toEqual(['electron']);
    const preload = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    expect(preload).toContain('exposeInMainWorld("api"');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
  });

  it('bundles the exchange reader thread beside main.cjs, runnable by plain Node', async () => {
    expect(runtimeImports(result.readWorker).filter((m) => !isBuiltin(m))).toEqual([]);
    const worker = new Worker(path.join(outDir, 'readWorker.cjs'), { execArgv: [] });
    try {
      expect(await new Promise((resolve) => worker.once('message', resolve))).toBe('ready');
      // A job for a file that is not there comes back as the reader's own error.
      const { port1, port2 } = new MessageChannel();
      const job = { port: port2, signal: new SharedArrayBuffer(8), path: path.join(outDir, 'absent.ntmb'), identities: [], trustedSigners: [], attachmentsDir: outDir };
      worker.postMessage(job, [port2]);
      const message = await new Promise<{ kind: string; error: { code: string } }>((resolve) => port1.once('message', resolve));
      port1.close();
      expect(message).toMatchObject({ kind: 'error', error: { code: 'BUNDLE_FILE_UNREADABLE' } });
    } finally {
      await worker.terminate();
    }
  });
});
