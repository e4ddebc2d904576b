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

/**
 * The NTM commands also answer to the names the NTM issue gives them (`catalog list`, `assess export --xlsx`),
 * without the `ntm` prefix.
 */
const NTM_SHORT_NAMES: CliCommand[] = NTM_COMMANDS.filter((c) => c.path[0] === 'ntm').map((c) => ({
  ...c,
  path: c.path.slice(1),
  summary: `${c.summary} (= ntm ${c.path.slice(1).join(' ')})`,
}));

/** Every command of the CLI. Features add theirs here. */
export const COMMANDS: CliCommand[] = [initCommand, unitsSearchCommand, unitsLineageCommand, dbCheckCommand, ocopScoreCommand, ocopProductsListCommand, ocopProducersListCommand, ocopDueCommand, ocopDossierCommand, ...KEYS_COMMANDS, ...BUNDLE_COMMANDS, ...NTM_COMMANDS, ...NTM_SHORT_NAMES, reportCommand, ...REFORM_COMMANDS, ...PLANS_COMMANDS];
