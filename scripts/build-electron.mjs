/**
 * Bundles the Electron host with esbuild:
 *   electron/main.ts    → out/electron/main.cjs     (Node, CommonJS; electron and better-sqlite3 stay external)
 *   electron/preload.ts → out/electron/preload.cjs  (sandboxed preload: CommonJS, STACK.md trap 3)
 *   services/exchange/readWorker.ts → out/electron/readWorker.cjs (the bundle reader's thread, found beside main.cjs)
 *   services/ocop/fonts → out/electron/fonts           (the PDF font, found beside main.cjs)
 *
 * Needs no Electron binary. `npm run build:electron` runs it; `scripts/start.mjs` imports `buildElectron`.
 * The sandboxed preload can only `require('electron')` (plus a few polyfilled builtins), so after bundling it the
 * script fails if the preload would require anything else at run time.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 45 ships Node 22 and Chromium 140. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** DejaVu Sans (Bitstream Vera licence, LICENSE beside it) for generated PDFs. */
export const PDF_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE'];

/** better-sqlite3 is a native module (loaded from app.asar.unpacked once packaged); electron is the runtime. */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3'];

/**
 * The main bundle is CommonJS, where `import.meta` does not exist; a dependency that reads `import.meta.url`
 * gets the bundle's own file URL instead of `undefined`.
 */
const IMPORT_META_URL_SHIM = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

/** @param {{ outDir?: string, logLevel?: esbuild.LogLevel }} [options] */
export async function buildElectron(options = {}) {
  const outDir = options.outDir ?? path.join(projectDir, 'out', 'electron');
  const logLevel = options.logLevel ?? 'warning';
  await mkdir(outDir, { recursive: true });

  /** A Node (CommonJS) bundle of the main process's code: main.cjs, and the threads it starts. */
  const nodeBundle = (entry, file) =>
    esbuild.build({
      absWorkingDir: projectDir,
      entryPoints: [entry],
      outfile: path.join(outDir, file),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: NODE_TARGET,
      external: MAIN_EXTERNALS,
      banner: { js: IMPORT_META_URL_SHIM },
      define: { 'import.meta.url': '__importMetaUrl' },
      loader: { '.json': 'json' },
      sourcemap: 'linked',
      legalComments: 'linked',
      metafile: true,
      logLevel,
    });
  const main = await nodeBundle('electron/main.ts', 'main.cjs');
  // The exchange importer reads bundles on a worker thread; services/exchange/readWorkerClient.ts looks for it
  // beside the bundle (import.meta.url is main.cjs here) and reads in its own thread if it is missing.
  const readWorker = await nodeBundle('services/exchange/readWorker.ts', 'readWorker.cjs');

  const preload = await esbuild.build({
    absWorkingDir: projectDir,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    bundle: true,
    // Not 'node': a sandboxed preload has no Node builtins, so any `require('node:…')` must fail the build here.
    platform: 'browser',
    format: 'cjs',
    target: CHROME_TARGET,
    external: ['electron'],
    sourcemap: 'linked',
    metafile: true,
    logLevel,
  });

  // The OCOP PDF needs a font with Vietnamese glyphs; services/ocop/pdf/fonts.ts looks in `fonts` beside the
  // bundle (import.meta.url is main.cjs here), which electron-builder packs with the rest of out/.
  await mkdir(path.join(outDir, 'fonts'), { recursive: true });
  for (const file of PDF_FONT_FILES) {
    await copyFile(path.join(projectDir, 'services', 'ocop', 'fonts', file), path.join(outDir, 'fonts', file));
  }

  const preloadRuntimeImports = runtimeImports(preload.metafile);
  const forbidden = preloadRuntimeImports.filter((p) => p !== 'electron');
  if (forbidden.length > 0) {
    throw new Error(`The sandboxed preload may only require 'electron', but requires: ${forbidden.join(', ')}`);
  }
  return { outDir, main: main.metafile, preload: preload.metafile, readWorker: readWorker.metafile, preloadRuntimeImports };
}

/** The modules an output bundle still `require`s at run time (its external imports). */
export function runtimeImports(metafile) {
  const found = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports ?? []) {
      if (imported.external) found.add(imported.path);
    }
  }
  return [...found].sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildElectron({ logLevel: 'info' }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
