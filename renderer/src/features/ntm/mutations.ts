import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { periodLabel } from '../../../../core/ntm/period';
import { notifications } from '@mantine/notifications';
import type { MethodInput, NtmAssessmentView } from '../../../../core/contract/index';
import { ApiError, call } from '../../api/client';
import { ntmKeys } from './queries';

function notifyError(e: unknown) {
  const message = e instanceof ApiError ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e);
  notifications.show({ color: 'red', title: 'Không thực hiện được', message });
}

/**
 * A write returned the fresh view of one assessment: put it in the cache and mark the figures that depend on
 * it stale. Matrix and overview refetch only where they are on screen (TanStack's default refetchType 'active').
 */
async function acceptView(qc: QueryClient, view: NtmAssessmentView) {
  qc.setQueryData(ntmKeys.assessment(view.commune.unitCode, view.period), view);
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['ntm', 'matrix'] }),
    qc.invalidateQueries({ queryKey: ['ntm', 'overview'] }),
  ]);
}

/**
 * One indicator's value, hand judgement or evidence note. No notification: the field that saved shows its
 * error inline (code and message), which is where the person is looking.
 */
export function useSetIndicatorValue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'ntm.assessment.setValue'>) => call('ntm.assessment.setValue', input),
    onSuccess: (view) => acceptView(qc, view),
  });
}

export function useAddEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'ntm.evidence.add'>) => call('ntm.evidence.add', input),
    onSuccess: (view) => acceptView(qc, view),
  });
}

export function useSetAssessmentStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'ntm.assessment.setStatus'>) => call('ntm.assessment.setStatus', input),
    onSuccess: async (view) => {
      await acceptView(qc, view);
      const label = { draft: 'Đã mở lại kỳ đánh giá.', submitted: 'Đã gửi kỳ đánh giá.', locked: 'Đã khóa kỳ đánh giá.' }[view.assessment?.status ?? 'draft'];
      notifications.show({ color: 'green', message: label });
    },
    onError: notifyError,
  });
}

export function useCopyPrevious() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'ntm.assessment.copyPrevious'>) => call('ntm.assessment.copyPrevious', input),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ntmKeys.all });
      notifications.show({
        color: r.created > 0 ? 'green' : 'blue',
        message:
          (r.created > 0
            ? `Đã tạo ${r.created} bản đánh giá từ ${periodLabel(r.fromPeriod)}, chép ${r.copiedValues} chỉ tiêu.`
            : `Không có xã nào cần tạo: các xã đã có bản đánh giá quý này hoặc ${periodLabel(r.fromPeriod)} chưa có số liệu.`) +
          (r.skippedOutOfEra > 0 ? ` Bỏ qua ${r.skippedOutOfEra} xã không còn (hoặc chưa có) trong quý này do sắp xếp đơn vị hành chính ngày 01/07/2025.` : ''),
      });
    },
    onError: notifyError,
  });
}

export function useSetCommuneProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'ntm.communes.setProfile'>) => call('ntm.communes.setProfile', input),
    onSuccess: async () => {
      // Thresholds depend on region, group and flags: every assessment view may change.
      await qc.invalidateQueries({ queryKey: ntmKeys.all });
      notifications.show({ color: 'green', message: 'Đã lưu thông tin xã.' });
    },
    onError: notifyError,
  });
}

export function useAddRecognition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'ntm.recognitions.add'>) => call('ntm.recognitions.add', input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ntmKeys.all });
      notifications.show({ color: 'green', message: 'Đã ghi quyết định công nhận.' });
    },
  });
}

export function useRevokeRecognition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'ntm.recognitions.revoke'>) => call('ntm.recognitions.revoke', input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ntmKeys.all });
      // A round's outcome shows the revocation of the decision it proposed to revoke.
      await qc.invalidateQueries({ queryKey: ['plans'] });
      notifications.show({ color: 'green', message: 'Đã ghi quyết định thu hồi.' });
    },
  });
}

/** Downloads an evidence file: the host checks its hash and returns the content; the browser saves it. */
export async function downloadEvidence(sha256: string): Promise<void> {
  try {
    const file = await call('ntm.evidence.get', { sha256 });
    const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    notifyError(e);
  }
}
