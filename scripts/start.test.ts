import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  WEB_FALLBACK_NOTICE,
  chooseLauncher,
  findElectronBinary,
  rendererBuildCommand,
  runForwarding,
} from './start.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dirs: string[] = [];

function fakeProject(options: { pathTxt?: string; binary?: string }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ntm-start-'));
  dirs.push(dir);
  const electronDir = path.join(dir, 'node_modules', 'electron');
  mkdirSync(path.join(electronDir, 'dist'), { recursive: true });
  if (options.pathTxt !== undefined) writeFileSync(path.join(electronDir, 'path.txt'), options.pathTxt);
  if (options.binary !== undefined) {
    writeFileSync(path.join(electronDir, 'dist', options.binary), '#!/bin/sh\n');
    chmodSync(path.join(electronDir, 'dist', options.binary), 0o755);
  }
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('finds the binary that path.txt names under dist/', () => {
    const dir = fakeProject({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary({ projectDir: dir, env: {} })).toBe(
      path.join(dir, 'node_modules', 'electron', 'dist', 'electron'),
    );
  });

  it('is null, without downloading, when path.txt is missing (install script skipped) or names a missing file', () => {
    expect(findElectronBinary({ projectDir: fakeProject({}), env: {} })).toBeNull();
    expect(findElectronBinary({ projectDir: fakeProject({ pathTxt: 'electron' }), env: {} })).toBeNull();
    expect(findElectronBinary({ projectDir: mkdtempSync(path.join(tmpdir(), 'ntm-none-')), env: {} })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'ntm-dist-'));
    dirs.push(dist);
    writeFileSync(path.join(dist, 'electron'), '');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: dist };
    expect(findElectronBinary({ projectDir: fakeProject({}), env, platform: 'linux' })).toBe(
      path.join(dist, 'electron'),
    );
    expect(findElectronBinary({ projectDir: fakeProject({}), env, platform: 'win32' })).toBeNull();
    expect(findElectronBinary({ projectDir: fakeProject({ pathTxt: 'other' }), env })).toBeNull();
  });

  it('reports this repository’s state without touching the network', () => {
    const started = Date.now();
    const found = findElectronBinary({ projectDir: path.resolve(here, '..'), env: {} });
    expect(found === null || typeof found === 'string').toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('chooseLauncher', () => {
  it('runs Electron on the project folder when the binary exists, passing arguments on', () => {
    const dir = fakeProject({ pathTxt: 'electron', binary: 'electron' });
    expect(chooseLauncher({ projectDir: dir, args: ['--x'], env: {} })).toEqual({
      kind: 'electron',
      command: path.join(dir, 'node_modules', 'electron', 'dist', 'electron'),
      args: [dir, '--x'],
      notice: null,
    });
  });

  it('falls back to the web host (tsx in this Node, one process) with one clear line otherwise', () => {
    const launcher = chooseLauncher({
      projectDir: fakeProject({}),
      args: ['--port', '6000'],
      env: {},
      nodePath: '/usr/bin/node',
    });
    expect(launcher).toEqual({
      kind: 'web',
      command: '/usr/bin/node',
      args: ['--import', 'tsx', 'web/main.ts', '--port', '6000'],
      notice: WEB_FALLBACK_NOTICE,
    });
    expect(WEB_FALLBACK_NOTICE).not.toContain('\n');
  });
});

describe('rendererBuildCommand', () => {
  it('runs vite’s bin from node_modules with the renderer config', () => {
    const projectDir = path.resolve(here, '..');
    expect(rendererBuildCommand({ projectDir, nodePath: '/usr/bin/node' })).toEqual({
      command: '/usr/bin/node',
      args: [
        path.join(projectDir, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'renderer/vite.config.ts',
      ],
    });
  });

  it('falls back to npx without registry access when the bin is elsewhere', () => {
    expect(rendererBuildCommand({ projectDir: fakeProject({}), platform: 'linux' })).toEqual({
      command: 'npx',
      args: ['--no', 'vite', 'build', '--config', 'renderer/vite.config.ts'],
    });
    expect(rendererBuildCommand({ projectDir: fakeProject({}), platform: 'win32' }).command).toBe('npx.cmd');
  });
});

describe('runForwarding', () => {
  it('resolves with the child’s exit code', async () => {
    expect(await runForwarding(process.execPath, ['-e', 'process.exit(3)'])).toBe(3);
    expect(await runForwarding(process.execPath, ['-e', ''])).toBe(0);
  });

  it('reports a command that cannot start as exit code 1', async () => {
    expect(await runForwarding(path.join(tmpdir(), 'no-such-binary-ntm'), [])).toBe(1);
  });

  it.skipIf(process.platform === 'win32')('forwards SIGTERM to the child and exits with its code', async () => {
    const childScript =
      "process.on('SIGTERM', () => process.exit(7)); console.log('ready'); setInterval(() => {}, 1000);";
    const parentScript = `
      const { runForwarding } = await import(${JSON.stringify(path.join(here, 'start.mjs'))});
      process.exit(await runForwarding(process.execPath, ['-e', ${JSON.stringify(childScript)}]));
    `;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', parentScript], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      parent.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()),
    );
    parent.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => parent.on('exit', (c) => resolve(c)));
    expect(code).toBe(7);
  });

  it.skipIf(process.platform === 'win32')('gives 128 + signal number when the child dies by a signal', async () => {
    expect(await runForwarding(process.execPath, ['-e', "process.kill(process.pid, 'SIGKILL')"])).toBe(137);
  });
});
