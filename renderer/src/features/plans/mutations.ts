import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { plansKeys } from './queries';

/**
 * One write of plans and verification: calls the method, refreshes every plans query, says what happened. A write
 * made from a form (`inline`) leaves its error to the form, which shows it under the field it concerns.
 */
function usePlansWrite<M extends MethodName>(method: M, success?: string | ((out: MethodOutput<M>) => string), options: { inline?: boolean; alsoNtm?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onSuccess: async (out) => {
      await qc.invalidateQueries({ queryKey: plansKeys.all });
      // Outcomes feed the NTM at-risk list and the recognitions; sectors show on the assessment.
      if (options.alsoNtm) await qc.invalidateQueries({ queryKey: ['ntm'] });
      if (success) notifications.show({ color: 'green', message: typeof success === 'string' ? success : success(out) });
    },
    onError: (e) => {
      if (!options.inline) notifications.show({ color: 'red', title: 'Không thực hiện được', message: e.message, autoClose: 10_000 });
    },
  });
}

const inline = { inline: true };

export const useSavePlan = () => usePlansWrite('plans.save', (p) => `Đã lưu kế hoạch "${p.title}".`, inline);
export const useDeletePlan = () => usePlansWrite('plans.delete', 'Đã xóa kế hoạch.', inline);
export const useSetRoadmap = () => usePlansWrite('plans.roadmap.set', 'Đã cập nhật lộ trình.');
export const useSaveRound = () => usePlansWrite('plans.rounds.save', (r) => `Đã lưu đợt rà soát: ${r.communeCount} xã, ${r.productCount} sản phẩm.`, inline);
export const useSaveTeam = () => usePlansWrite('plans.rounds.saveTeam', 'Đã lưu đoàn công tác.', inline);
export const useSetItemResult = () => usePlansWrite('plans.rounds.setItemResult', 'Đã ghi kết luận.');
export const useReportRound = () => usePlansWrite('plans.rounds.report', 'Đã ghi nhận báo cáo kết quả.', inline);
export const useSetFinding = () => usePlansWrite('plans.findings.set', undefined, inline);
export const useAddFindingEvidence = () => usePlansWrite('plans.findings.addEvidence', 'Đã đính kèm tệp minh chứng.', inline);
export const useGenerateTasks = () => usePlansWrite('plans.tasks.generate', (r) => `Đã giao ${r.created} nhiệm vụ mới${r.skipped ? ` (${r.skipped} đã có)` : ''}.`);
export const useSaveTask = () => usePlansWrite('plans.tasks.save', 'Đã cập nhật nhiệm vụ.');
/** The task form's own save: its errors show in the form. */
export const useSaveTaskForm = () => usePlansWrite('plans.tasks.save', 'Đã lưu nhiệm vụ.', inline);
export const useSetOutcome = () => usePlansWrite('plans.rounds.setOutcome', 'Đã ghi kết quả xử lý.', { inline: true, alsoNtm: true });
export const useSetSector = () => usePlansWrite('plans.sectors.set', 'Đã cập nhật ngành phụ trách.', { alsoNtm: true });
