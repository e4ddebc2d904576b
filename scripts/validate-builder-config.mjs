/**
 * Validates electron-builder.yml offline, with electron-builder's own code (STACK.md trap 4: packaging cannot run
 * here, but the config can still be checked):
 *   1. read the file with app-builder-lib's config loader (the same YAML parsing `electron-builder` does),
 *   2. run app-builder-lib's `validateConfiguration` (its JSON schema, scheme.json, through ajv),
 *   3. check the project's own rules: npmRebuild off, icons present and of the sizes the targets need,
 *      a deb maintainer.
 * `node scripts/validate-builder-config.mjs [file]` prints the problems and exits 1, or prints one OK line.
 *
 * `node scripts/validate-builder-config.mjs --pack` also runs the whole packaging flow offline (after `npm run
 * build`): `electron-builder --linux dir` with a stub Electron distribution (STACK.md trap 4), then checks what
 * landed in app.asar: the built app, only the native module's runtime closure from node_modules, no source maps,
 * and the .node binary in app.asar.unpacked. About 5 s; nothing is written outside a temporary folder.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CONFIG_FILE = path.join(projectDir, 'electron-builder.yml');

// app-builder-lib has no "exports" map, so its internal modules are reachable by path; it is electron-builder's
// engine (a dependency of the electron-builder devDependency).
const { getConfig } = require('app-builder-lib/out/util/config/load');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

/** Parses a config file the way electron-builder does (YAML, JSON, JSON5, TOML, JS). */
export async function loadBuilderConfig(file = DEFAULT_CONFIG_FILE) {
  const dir = path.dirname(path.resolve(file));
  const loaded = await getConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: dir }, file);
  if (loaded === null || typeof loaded.result !== 'object' || loaded.result === null) {
    throw new Error(`${file}: not a configuration object`);
  }
  return loaded.result;
}

/** electron-builder's schema validation; throws its own "Invalid configuration object…" error. */
export async function validateWithSchema(config) {
  await validateConfiguration(structuredClone(config), new DebugLogger(false));
}

/** Width and height of a PNG from its IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null;
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The square sizes in an ICO directory (0 in the directory means 256). */
export function icoSizes(bytes) {
  if (bytes.length < 6 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) return null;
  const count = bytes.readUInt16LE(4);
  const sizes = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    if (at + 16 > bytes.length) return null;
    const width = bytes[at] === 0 ? 256 : bytes[at];
    const height = bytes[at + 1] === 0 ? 256 : bytes[at + 1];
    if (width !== height) return null;
    sizes.push(width);
  }
  return sizes;
}

/** The project's rules on top of the schema. Returns a list of problems (empty when fine). */
export function projectRuleProblems(config, baseDir = projectDir) {
  const problems = [];
  if (config.npmRebuild !== false) {
    problems.push(
      'npmRebuild must be false in the checked-in config (STACK.md trap 4); turn it on only when packaging.',
    );
  }
  if (!config.appId) problems.push('appId is missing.');
  if (config.productName !== 'NTM Desk')
    problems.push('productName must be "NTM Desk" (the data folder is named after it).');

  const winIcon = config.win?.icon;
  if (typeof winIcon !== 'string') {
    problems.push('win.icon is missing.');
  } else if (!existsSync(path.resolve(baseDir, winIcon))) {
    problems.push(`win.icon ${winIcon} does not exist.`);
  } else {
    const sizes = icoSizes(readFileSync(path.resolve(baseDir, winIcon)));
    if (sizes === null) problems.push(`win.icon ${winIcon} is not an ICO file.`);
    else if (!sizes.includes(256)) problems.push(`win.icon ${winIcon} needs a 256×256 entry.`);
  }

  const linuxIcon = config.linux?.icon;
  if (typeof linuxIcon !== 'string') {
    problems.push('linux.icon is missing.');
  } else if (!existsSync(path.resolve(baseDir, linuxIcon))) {
    problems.push(`linux.icon ${linuxIcon} does not exist.`);
  } else {
    const size = pngSize(readFileSync(path.resolve(baseDir, linuxIcon)));
    if (size === null) problems.push(`linux.icon ${linuxIcon} is not a PNG file.`);
    else if (size.width !== size.height || size.width < 512)
      problems.push(`linux.icon ${linuxIcon} must be square, at least 512 px.`);
  }

  const linuxTargets = (config.linux?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
  if (linuxTargets.includes('deb') && !config.linux?.maintainer) {
    problems.push('linux.maintainer is required for the deb target.');
  }
  const unpacked = config.asarUnpack ?? [];
  if (!(Array.isArray(unpacked) ? unpacked : [unpacked]).some((p) => p.includes('better-sqlite3'))) {
    problems.push('asarUnpack must unpack better-sqlite3’s .node file.');
  }
  return problems;
}

/** Validates a config file; resolves to the parsed config or rejects with every problem in the message. */
export async function validateBuilderConfigFile(file = DEFAULT_CONFIG_FILE) {
  const config = await loadBuilderConfig(file);
  await validateWithSchema(config);
  const problems = projectRuleProblems(config, path.dirname(path.resolve(file)));
  if (problems.length > 0) throw new Error(`${file}:\n - ${problems.join('\n - ')}`);
  return config;
}

/** node_modules packages that main.cjs loads at run time: better-sqlite3 and what it requires. */
export const RUNTIME_NODE_MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

/** What must be true of a packaged app, given the file lists of app.asar and app.asar.unpacked. */
export function packProblems({ asarFiles, unpackedFiles }) {
  const problems = [];
  const asar = new Set(asarFiles.map((f) => f.replaceAll('\\', '/').replace(/^\/?/, '/')));
  for (const required of [
    '/package.json',
    '/out/electron/main.cjs',
    '/out/electron/preload.cjs',
    '/out/renderer/index.html',
  ]) {
    if (!asar.has(required)) problems.push(`app.asar lacks ${required}`);
  }
  const modules = new Set(
    [...asar]
      .filter((f) => f.startsWith('/node_modules/'))
      .map((f) => f.split('/')[2])
      .filter((m) => m !== undefined && m !== ''),
  );
  for (const extra of [...modules].filter((m) => !RUNTIME_NODE_MODULES.includes(m))) {
    problems.push(`app.asar carries node_modules/${extra}, which main.cjs already bundles or never loads`);
  }
  for (const missing of RUNTIME_NODE_MODULES.filter((m) => !modules.has(m))) {
    problems.push(`app.asar lacks node_modules/${missing}, needed at run time`);
  }
  const maps = [...asar].filter((f) => f.endsWith('.map'));
  if (maps.length > 0) problems.push(`app.asar carries source maps: ${maps.slice(0, 3).join(', ')}`);
  if (!unpackedFiles.some((f) => /node_modules\/better-sqlite3\/.*\.node$/.test(f.replaceAll('\\', '/')))) {
    problems.push('better-sqlite3’s .node binary is not in app.asar.unpacked');
  }
  return problems;
}

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

/**
 * Runs electron-builder's real packaging flow for `linux dir` against a stub Electron (an executable script and
 * a version file), so nothing is downloaded, and returns the packaged file lists. Needs `npm run build` first.
 */
export async function packOffline({ projectDir: dir = projectDir, keep = false } = {}) {
  for (const built of ['out/electron/main.cjs', 'out/electron/preload.cjs', 'out/renderer/index.html']) {
    if (!existsSync(path.join(dir, built))) throw new Error(`${built} is missing: run "npm run build" first.`);
  }
  const work = mkdtempSync(path.join(tmpdir(), 'ntm-pack-'));
  try {
    const electronDist = path.join(work, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\necho "stub Electron for offline packaging"\n');
    chmodSync(path.join(electronDist, 'electron'), 0o755);
    const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
    writeFileSync(path.join(electronDist, 'version'), electronVersion);
    const { build, Platform, Arch } = require('electron-builder');
    const output = path.join(work, 'dist');
    await build({
      projectDir: dir,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: { electronDist, electronVersion, directories: { output }, publish: null },
      publish: 'never',
    });
    const resources = path.join(output, 'linux-unpacked', 'resources');
    const asar = require('@electron/asar');
    const asarFiles = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false });
    const unpackedDir = path.join(resources, 'app.asar.unpacked');
    const unpackedFiles = existsSync(unpackedDir) ? listFiles(unpackedDir) : [];
    return { asarFiles, unpackedFiles, output: keep ? output : null };
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const pack = args.includes('--pack');
  const fileArg = args.find((a) => !a.startsWith('--'));
  const file = fileArg ? path.resolve(fileArg) : DEFAULT_CONFIG_FILE;
  const run = async () => {
    await validateBuilderConfigFile(file);
    console.log(`${path.relative(process.cwd(), file)}: valid (electron-builder schema and project rules)`);
    if (!pack) return;
    const problems = packProblems(await packOffline());
    if (problems.length > 0) throw new Error(`offline packaging:\n - ${problems.join('\n - ')}`);
    console.log('offline packaging (linux dir, stub Electron): app.asar holds what it should');
  };
  run().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
