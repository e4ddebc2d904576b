import type { MethodName, MethodOutput, MethodParsedInput } from '../../core/contract/index';
import { listAudit } from '../../db/audit';
import { unitLineage } from '../../db/lineage';
import { listUnits, searchUnits } from '../../db/units';
import type { ServiceContext } from '../context';
import { ntmHandlers } from '../ntm/handlers';
import { ocopHandlers } from '../ocop/handlers';
import { safetyHandlers } from '../safety/handlers';
import { exchangeHandlers } from '../exchange/handlers';
import { reportsHandlers } from '../reports/handlers';
import { plansHandlers } from '../plans/handlers';
import { reformHandlers } from '../reform/handlers';
import { appInfo, dbCheck } from './app';
import { completeSetup, updateOfficeProfile } from './office';
import type { Handlers } from './types';

export type { Handlers, HandlersFor } from './types';

const foundationHandlers = {
  'app.info': (ctx: ServiceContext) => appInfo(ctx),
  'setup.complete': (ctx, input) => completeSetup(ctx, input),
  'office.update': (ctx, input) => updateOfficeProfile(ctx, input),
  'units.search': (ctx, input) => searchUnits(ctx.db, input),
  'units.list': (ctx, input) => listUnits(ctx.db, input.level, input.era, input.parentCode),
  'units.lineage': (ctx, input) => unitLineage(ctx.db, input.code, input.era),
  'audit.list': (ctx, input) => listAudit(ctx.db, input),
  'db.check': (ctx) => dbCheck(ctx),
} satisfies Partial<Handlers>;

/** One implementation per contract method, area by area; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...foundationHandlers,
  ...ntmHandlers,
  ...ocopHandlers,
  ...safetyHandlers,
  ...exchangeHandlers,
  ...reportsHandlers,
  ...plansHandlers,
  ...reformHandlers,
};

export type { MethodName, MethodOutput, MethodParsedInput };
