import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { plansKeys } from './queries';

/** One write of plans and verification: calls the method, refreshes every plans query, says what happened. */
function usePlansWrite<M extends MethodName>(method: M, success?: string | ((out: MethodOutput<M>) => string)) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onSuccess: async (out) => {
      await qc.invalidateQueries({ queryKey: plansKeys.all });
      if (success) notifications.show({ color: 'green', message: typeof success === 'string' ? success : success(out) });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Không thực hiện được', message: e.message, autoClose: 10_000 }),
  });
}

export const useSavePlan = () => usePlansWrite('plans.save', (p) => `Đã lưu kế hoạch "${p.title}".`);
export const useDeletePlan = () => usePlansWrite('plans.delete', 'Đã xóa kế hoạch.');
export const useSetRoadmap = () => usePlansWrite('plans.roadmap.set', 'Đã cập nhật lộ trình.');
export const useSaveRound = () => usePlansWrite('plans.rounds.save', (r) => `Đã lưu đợt rà soát: ${r.communeCount} xã, ${r.productCount} sản phẩm.`);
export const useSaveTeam = () => usePlansWrite('plans.rounds.saveTeam', 'Đã lưu đoàn công tác.');
export const useSetItemResult = () => usePlansWrite('plans.rounds.setItemResult', 'Đã ghi kết luận.');
export const useReportRound = () => usePlansWrite('plans.rounds.report', 'Đã ghi nhận báo cáo kết quả.');
export const useSetFinding = () => usePlansWrite('plans.findings.set');
export const useGenerateTasks = () => usePlansWrite('plans.tasks.generate', (r) => `Đã giao ${r.created} nhiệm vụ mới${r.skipped ? ` (${r.skipped} đã có)` : ''}.`);
export const useSaveTask = () => usePlansWrite('plans.tasks.save', 'Đã cập nhật nhiệm vụ.');
