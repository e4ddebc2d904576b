/**
 * A CLI command. `path` is the words that name it (e.g. ['ocop', 'score']). `run` returns a plain value:
 * with --json the CLI prints `{"ok":true,"value":...}`; otherwise it prints `format(value)` (or the JSON).
 * Throw AppError for bad input: the CLI prints the code and the Vietnamese message and exits with 1.
 */
export type CliOptionSpec = { type: 'string' | 'boolean'; description: string; multiple?: boolean };

export type CliContext = {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Data folder of the application (overridden with --data-dir or NTM_DESK_DATA_DIR). */
  dataDir: string;
  /** Progress and warnings go here (stderr), never into the JSON on stdout. */
  log: (line: string) => void;
};

export type CliParsed = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

export type CliCommand = {
  path: string[];
  summary: string;
  usage: string;
  options: Record<string, CliOptionSpec>;
  run: (ctx: CliContext, args: CliParsed) => Promise<unknown>;
  format?: (value: unknown) => string;
};
