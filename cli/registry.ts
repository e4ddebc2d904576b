import { dbCheckCommand, initCommand, unitsLineageCommand, unitsSearchCommand } from './commands/foundation';
import { NTM_COMMANDS } from './commands/ntm';
import { ocopScoreCommand } from './commands/ocop-score';
import { ocopDossierCommand, ocopDueCommand, ocopProducersListCommand, ocopProductsListCommand } from './commands/ocop-records';
import { BUNDLE_COMMANDS } from './commands/bundle';
import { KEYS_COMMANDS } from './commands/keys';
import { reportCommand } from './commands/report';
import { REFORM_COMMANDS } from './commands/reform';
import type { CliCommand } from './types';
import { PLANS_COMMANDS } from './commands/plans';

/** Every command of the CLI. Features add theirs here. */
export const COMMANDS: CliCommand[] = [initCommand, unitsSearchCommand, unitsLineageCommand, dbCheckCommand, ocopScoreCommand, ocopProductsListCommand, ocopProducersListCommand, ocopDueCommand, ocopDossierCommand, ...KEYS_COMMANDS, ...BUNDLE_COMMANDS, ...NTM_COMMANDS, reportCommand, ...REFORM_COMMANDS, ...PLANS_COMMANDS];
