import type { reformContract } from '../../core/contract/reform';
import type { HandlersFor } from '../handlers/types';
import { listQueue, resolveQueueItem } from './queue';
import { repoint } from './repoint';

export const reformHandlers = {
  'reform.repoint': (ctx, input) => repoint(ctx, input),
  'reform.queue.list': (ctx, input) => listQueue(ctx, input),
  'reform.queue.resolve': (ctx, input) => resolveQueueItem(ctx, input),
} satisfies HandlersFor<keyof typeof reformContract>;
