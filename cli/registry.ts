import { dbCheckCommand, initCommand, unitsSearchCommand } from './commands/foundation';
import { ocopScoreCommand } from './commands/ocop-score';
import type { CliCommand } from './types';

/** Every command of the CLI. Features add theirs here. */
export const COMMANDS: CliCommand[] = [initCommand, unitsSearchCommand, dbCheckCommand, ocopScoreCommand];
