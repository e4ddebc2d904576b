import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Only these two files may load Electron at run time; everything else is tested in plain Node. */
const ELECTRON_ENTRY_FILES = new Set(['main.ts', 'preload.ts']);

describe('electron/ boundaries', () => {
  const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(sources.filter((f) => !ELECTRON_ENTRY_FILES.has(f)))('%s imports electron for types only', (file) => {
    const text = readFileSync(path.join(here, file), 'utf8');
    const valueImports = text.match(/^import\s+(?!type\b)[^;]*from\s+'electron';/gm) ?? [];
    expect(valueImports).toEqual([]);
    expect(text).not.toMatch(/require\(\s*'electron'\s*\)/);
  });

  it('no test imports main.ts or preload.ts', () => {
    for (const test of readdirSync(here).filter((f) => f.endsWith('.test.ts'))) {
      expect(readFileSync(path.join(here, test), 'utf8'), test).not.toMatch(/from '\.\/(main|preload)'/);
    }
  });

  it('the preload never hands ipcRenderer itself to the page', () => {
    const preload = readFileSync(path.join(here, 'preload.ts'), 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\('api', createExposedApi\(port\)\)/);
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
  });
});
