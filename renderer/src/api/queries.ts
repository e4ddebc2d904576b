import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { MethodInput } from '../../../core/contract/index';
import { call } from './client';

/** Query keys, one factory for the app shell and settings. */
export const keys = {
  appInfo: ['app.info'] as const,
  units: (input: MethodInput<'units.list'>) => ['units.list', input] as const,
  unitSearch: (input: MethodInput<'units.search'>) => ['units.search', input] as const,
  audit: (input: MethodInput<'audit.list'>) => ['audit.list', input] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: () => call('app.info', {}) });
}

export function useUnits(input: MethodInput<'units.list'>, enabled = true) {
  return useQuery({ queryKey: keys.units(input), queryFn: () => call('units.list', input), enabled, staleTime: Infinity });
}

export function useAudit(input: MethodInput<'audit.list'>) {
  return useQuery({ queryKey: keys.audit(input), queryFn: () => call('audit.list', input) });
}

export function useCompleteSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'setup.complete'>) => call('setup.complete', input),
    onSuccess: (info) => qc.setQueryData(keys.appInfo, info),
  });
}

export function useUpdateOffice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'office.update'>) => call('office.update', input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.appInfo });
      await qc.invalidateQueries({ queryKey: ['audit.list'] });
      notifications.show({ color: 'green', message: 'Đã lưu thông tin văn phòng.' });
    },
  });
}
