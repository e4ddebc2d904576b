import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError, toErrorPayload } from '../core/errors';
import { defaultDataDir } from '../services/paths';
import type { CliCommand } from './types';

export type CliIo = { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string; env: Record<string, string | undefined> };

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function findCommand(commands: CliCommand[], argv: string[]): { command: CliCommand; rest: string[] } | null {
  const words = argv.filter((a) => !a.startsWith('-'));
  let best: CliCommand | null = null;
  for (const c of commands) {
    if (c.path.every((w, i) => words[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  }
  if (!best) return null;
  const rest = [...argv];
  for (const w of best.path) rest.splice(rest.indexOf(w), 1);
  return { command: best, rest };
}

export function helpText(commands: CliCommand[]): string {
  const lines = [
    'NTM Desk — dòng lệnh (npm run cli -- <lệnh> [tùy chọn])',
    '',
    'Tùy chọn chung: --json (kết quả dạng JSON), --data-dir DIR (thư mục dữ liệu), --help',
    '',
    'Lệnh:',
  ];
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  for (const c of commands) lines.push(`  ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return lines.join('\n');
}

function commandHelp(c: CliCommand): string {
  const lines = [`${c.summary}`, '', `Cách dùng: ${c.usage}`];
  const names = Object.keys(c.options);
  if (names.length > 0) {
    lines.push('', 'Tùy chọn:');
    for (const n of names) lines.push(`  --${n.padEnd(14)} ${c.options[n]!.description}`);
  }
  return lines.join('\n');
}

/** Runs one command line; returns the exit code. Output goes through io so tests can capture it. */
export async function runCli(commands: CliCommand[], argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const fail = (e: unknown): number => {
    const payload = toErrorPayload(e);
    if (!(e instanceof AppError)) io.stderr(String(e instanceof Error ? e.stack : e));
    if (json) io.stdout(JSON.stringify({ ok: false, error: payload }, null, 2));
    else io.stderr(`Lỗi ${payload.code}: ${payload.message}`);
    return 1;
  };

  const found = findCommand(commands, argv);
  if (!found) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      io.stdout(helpText(commands));
      return 0;
    }
    return fail(new AppError('CLI_UNKNOWN_COMMAND', `Không có lệnh "${argv.filter((a) => !a.startsWith('-')).join(' ')}". Chạy với --help để xem danh sách lệnh.`));
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  let parsed;
  try {
    const options: ParseArgsConfig['options'] = { ...GLOBAL_OPTIONS };
    for (const [name, spec] of Object.entries(command.options)) options[name] = { type: spec.type, multiple: spec.multiple ?? false };
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (e) {
    return fail(new AppError('CLI_BAD_ARGUMENTS', `Tham số không hợp lệ: ${(e as Error).message}. Cách dùng: ${command.usage}`));
  }
  try {
    const dataDir = (parsed.values['data-dir'] as string | undefined) ?? defaultDataDir(io.env);
    const value = await command.run(
      { cwd: io.cwd, env: io.env, dataDir, log: io.stderr },
      { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals },
    );
    if (json) io.stdout(JSON.stringify({ ok: true, value }, null, 2));
    else io.stdout(command.format ? command.format(value) : JSON.stringify(value, null, 2));
    return 0;
  } catch (e) {
    return fail(e);
  }
}
