import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../core/contract/index';
import { ApiError, call } from '../../api/client';
import { saveReportFile } from './download';
import { reportKeys } from './queries';

function notifyError(e: unknown) {
  const message = e instanceof ApiError ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e);
  notifications.show({ color: 'red', title: 'Không thực hiện được', message });
}

/** Autosave of the narrative and header: quiet on success; the page shows "Đã lưu nháp". */
export function useSaveDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'reports.saveDraft'>) => call('reports.saveDraft', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.list() }),
    onError: notifyError,
  });
}

/** "Lưu phiên bản": freezes the figures with the narrative. */
export function useSaveReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'reports.save'>) => call('reports.save', input),
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', title: 'Đã lưu phiên bản', message: `${saved.periodLabel}, phiên bản ${saved.revision}` });
      await qc.invalidateQueries({ queryKey: reportKeys.all });
    },
    onError: notifyError,
  });
}

/** Downloads the DOCX or the XLSX (a saved report by id, or today's figures for a period). */
export function useDownloadReport() {
  return useMutation({
    mutationFn: async (input: { kind: 'docx' | 'xlsx'; target: MethodInput<'reports.docx'> }) => {
      const file = await call(input.kind === 'docx' ? 'reports.docx' : 'reports.xlsx', input.target);
      saveReportFile(file.fileName, file.contentBase64);
      return file;
    },
    onError: notifyError,
  });
}

export function useSaveReportSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'reports.settings.set'>) => call('reports.settings.set', input),
    onSuccess: async () => {
      notifications.show({ color: 'green', title: 'Đã lưu cài đặt báo cáo', message: 'Hạn nộp và người ký mặc định đã được cập nhật.' });
      await qc.invalidateQueries({ queryKey: reportKeys.all });
    },
    onError: notifyError,
  });
}
