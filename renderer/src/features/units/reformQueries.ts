import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../core/contract/index';
import { call } from '../../api/client';

/** Query keys of the re-pointing review queue; a run or a resolution invalidates these and the OCOP lists. */
export const reformKeys = {
  all: ['reform'] as const,
  queue: (status: MethodInput<'reform.queue.list'>['status']) => ['reform', 'queue', status ?? 'open'] as const,
};

/** The open review queue (pending and put off for later). */
export function useReformQueue() {
  return useQuery({ queryKey: reformKeys.queue('open'), queryFn: () => call('reform.queue.list', { status: 'open' }) });
}

function useInvalidateAfterWrite() {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: reformKeys.all }), qc.invalidateQueries({ queryKey: ['ocop'] })]);
  };
}

/** 'reform.repoint': a dry run changes nothing; a real run moves full links and queues partial ones. */
export function useRepoint() {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: (dryRun: boolean) => call('reform.repoint', { dryRun }),
    onSuccess: async (r) => {
      if (!r.dryRun) await invalidate();
    },
  });
}

/** 'reform.queue.resolve': one of the item's candidate codes, or 'later'. */
export function useResolveQueueItem() {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: (input: MethodInput<'reform.queue.resolve'>) => call('reform.queue.resolve', input),
    onSuccess: invalidate,
  });
}
