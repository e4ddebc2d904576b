import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../core/contract/index';
import { call } from '../../api/client';

export const safetyKeys = {
  backups: ['backup.list'] as const,
  staff: ['staff.list'] as const,
  audit: (input: MethodInput<'audit.search'>) => ['audit.search', input] as const,
};

export function useBackups() {
  return useQuery({ queryKey: safetyKeys.backups, queryFn: () => call('backup.list', {}) });
}

export function useStaff() {
  return useQuery({ queryKey: safetyKeys.staff, queryFn: () => call('staff.list', {}) });
}

export function useAuditSearch(input: MethodInput<'audit.search'>) {
  return useQuery({ queryKey: safetyKeys.audit(input), queryFn: () => call('audit.search', input) });
}

export function useCreateBackup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (where: 'data-folder' | 'choose-folder') => call('backup.create', { where }),
    onSuccess: async (made) => {
      await qc.invalidateQueries({ queryKey: safetyKeys.backups });
      if (made) notifications.show({ color: 'green', message: `Đã sao lưu và kiểm tra: ${made.fileName}` });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Không sao lưu được', message: e.message }),
  });
}

export function useRestoreBackup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fileName: string) => call('backup.restore', { fileName }),
    onSuccess: async (r) => {
      await qc.invalidateQueries();
      notifications.show({ color: 'green', message: `Đã khôi phục. Dữ liệu trước khi khôi phục được giữ lại trong ${r.keptAside}.` });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Không khôi phục được', message: e.message }),
  });
}

export function useAddStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'staff.add'>) => call('staff.add', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: safetyKeys.staff }),
  });
}

export function useSelectStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'staff.select'>) => call('staff.select', input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: safetyKeys.staff });
      await qc.invalidateQueries({ queryKey: ['app.info'] });
    },
  });
}
