import { COMMANDS } from './registry';
import { runCli } from './run';

export type CliRun = { code: number; out: string; err: string; json: () => { ok: boolean; value: any; error: any } };

/** Runs the CLI in-process as a user would type it, capturing what it prints (tests only). */
export async function runCliForTest(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(COMMANDS, argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: options.cwd ?? process.cwd(), env: options.env ?? {} });
  return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) as { ok: boolean; value: any; error: any } };
}
