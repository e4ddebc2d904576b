/**
 * `npm start [-- args]`: builds NTM Desk, then runs it in Electron when the Electron binary is on this machine,
 * and otherwise through the web host (web/main.ts on 127.0.0.1), which prints the URL to open.
 *
 * The binary check never triggers Electron's download: `require('electron')` would (STACK.md trap 2), so this reads
 * node_modules/electron/path.txt and looks for the file itself, exactly where electron/index.js would look,
 * honouring ELECTRON_OVERRIDE_DIST_PATH the same way.
 *
 * Arguments after `--` go to the app (for the web host: `--port`, `--data-dir`, …). Signals are forwarded to the
 * child, and this process exits with the child's code.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

export const WEB_FALLBACK_NOTICE =
  'Electron binary not available on this machine (offline) — serving NTM Desk through the web host instead.';

/**
 * Where the Electron executable is, or null when it is not on disk. Pure file checks; never downloads.
 * @param {{ projectDir: string, env?: Record<string, string | undefined>, platform?: string }} options
 * @returns {string | null}
 */
export function findElectronBinary({ projectDir, env = process.env, platform = process.platform }) {
  const electronDir = path.join(projectDir, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let candidate;
  if (override) {
    candidate = path.join(override, relative || (platform === 'win32' ? 'electron.exe' : 'electron'));
  } else if (relative) {
    candidate = path.join(electronDir, 'dist', relative);
  } else {
    return null;
  }
  return existsSync(candidate) ? candidate : null;
}

/**
 * What to run after the build. The web host runs as `node --import tsx web/main.ts` (what `npx tsx web/main.ts`
 * does, minus two wrapper processes): one child, so a forwarded SIGTERM reaches the server itself instead of
 * killing `npx` and orphaning the server behind it.
 * @param {{ projectDir: string, args?: string[], env?: Record<string, string | undefined>, platform?: string, nodePath?: string }} options
 * @returns {{ kind: 'electron' | 'web', command: string, args: string[], notice: string | null }}
 */
export function chooseLauncher({
  projectDir,
  args = [],
  env = process.env,
  platform = process.platform,
  nodePath = process.execPath,
}) {
  const electron = findElectronBinary({ projectDir, env, platform });
  if (electron !== null) return { kind: 'electron', command: electron, args: [projectDir, ...args], notice: null };
  return {
    kind: 'web',
    command: nodePath,
    args: ['--import', 'tsx', 'web/main.ts', ...args],
    notice: WEB_FALLBACK_NOTICE,
  };
}

/**
 * The renderer build: vite's own bin under this Node (one process, like the web host), or `npx --no vite` if the
 * bin is not where it is expected (`--no`: never fetch from the registry).
 * @param {{ projectDir: string, platform?: string, nodePath?: string }} options
 * @returns {{ command: string, args: string[] }}
 */
export function rendererBuildCommand({ projectDir, platform = process.platform, nodePath = process.execPath }) {
  const viteArgs = ['build', '--config', 'renderer/vite.config.ts'];
  const viteBin = path.join(projectDir, 'node_modules', 'vite', 'bin', 'vite.js');
  if (existsSync(viteBin)) return { command: nodePath, args: [viteBin, ...viteArgs] };
  return { command: platform === 'win32' ? 'npx.cmd' : 'npx', args: ['--no', 'vite', ...viteArgs] };
}

/**
 * Runs a command with inherited stdio, forwards SIGINT/SIGTERM/SIGHUP to it, and resolves with the exit code it
 * should leave (128 + signal number when it died by a signal).
 *
 * Ctrl+C in a terminal already reaches the child (same process group), so SIGINT is forwarded only if the
 * child is still running shortly after: a second SIGINT would cut short the web host's orderly shutdown.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<number>}
 */
export function runForwarding(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? projectDir,
      env: options.env ?? process.env,
      stdio: 'inherit',
      shell: isWindows && command.endsWith('.cmd'),
    });
    const running = () => child.exitCode === null && child.signalCode === null;
    const handlers = {
      SIGINT: () => setTimeout(() => running() && child.kill('SIGINT'), 500),
      SIGTERM: () => running() && child.kill('SIGTERM'),
      SIGHUP: () => running() && child.kill('SIGHUP'),
    };
    for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
    const done = (code) => {
      for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`Không chạy được ${command}: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const renderer = rendererBuildCommand({ projectDir });
  const viteCode = await runForwarding(renderer.command, renderer.args);
  if (viteCode !== 0) return viteCode;

  const { buildElectron } = await import('./build-electron.mjs');
  await buildElectron();

  const launcher = chooseLauncher({ projectDir, args });
  if (launcher.notice) console.log(launcher.notice);
  const env = { ...process.env };
  // Set in some shells and CI images; it would make the Electron binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  return runForwarding(launcher.command, launcher.args, { env });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
