import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
});
