import { COMMANDS } from './registry';
import { runCli } from './run';

const code = await runCli(COMMANDS, process.argv.slice(2), {
  stdout: (s) => process.stdout.write(`${s}\n`),
  stderr: (s) => process.stderr.write(`${s}\n`),
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
