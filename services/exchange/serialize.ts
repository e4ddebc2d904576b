import type { ServiceContext } from '../context';

const queues = new WeakMap<ServiceContext['conn'], Promise<unknown>>();

/**
 * Runs exports and imports of one database one after another. Each is all-or-nothing on its own, but two at
 * once could pick the same export sequence or interleave file placement with another import's rollback.
 */
export function serialize<T>(ctx: ServiceContext, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(ctx.conn) ?? Promise.resolve();
  const run = previous.then(() => fn());
  queues.set(ctx.conn, run.catch(() => undefined));
  return run;
}
