import type { MethodName, MethodOutput, MethodParsedInput } from '../../core/contract/index';
import type { ServiceContext } from '../context';

export type Handlers = {
  [M in MethodName]: (ctx: ServiceContext, input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
};

/** The handlers of one area's methods, e.g. HandlersFor<keyof typeof ntmContract>. */
export type HandlersFor<K extends MethodName> = Pick<Handlers, K>;
