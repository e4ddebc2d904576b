import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../core/errors';

/** Real temp directories for tests; remove them with the returned cleanup. */
export function makeTempDir(prefix = 'ntm-bundle-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a reference tool (/usr/bin/age, /usr/bin/minisign, tar) and returns stdout; throws on failure. */
export function runTool(command: string, args: string[], options: { input?: string | Uint8Array; cwd?: string } = {}): Buffer {
  return execFileSync(command, args, { input: options.input, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The code of the AppError a promise rejects with (or 'RESOLVED' / 'NOT_APP_ERROR: …'). */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'RESOLVED';
  } catch (e) {
    return e instanceof AppError ? e.code : `NOT_APP_ERROR: ${String(e)}`;
  }
}
