import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { ocopKeys } from './queries';

/** One write of the OCOP feature: calls the method, refreshes every OCOP query, says what happened. */
function useOcopWrite<M extends MethodName>(method: M, success?: string | ((out: MethodOutput<M>) => string)) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onSuccess: async (out) => {
      await qc.invalidateQueries({ queryKey: ocopKeys.all });
      if (success) notifications.show({ color: 'green', message: typeof success === 'string' ? success : success(out) });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Không thực hiện được', message: e.message, autoClose: 10_000 }),
  });
}

export const useSaveProducer = () => useOcopWrite('ocop.producers.save', (p) => `Đã lưu chủ thể "${p.name}".`);
export const useSaveProduct = () => useOcopWrite('ocop.products.save', (p) => `Đã lưu sản phẩm "${p.name}" (mã ${p.productCode}).`);
export const useSetProductStatus = () => useOcopWrite('ocop.products.setStatus', 'Đã chuyển trạng thái sản phẩm.');
export const useSaveEvaluation = () =>
  useOcopWrite('ocop.evaluations.save', (e) => (e.complete ? `Đã lưu phiếu chấm: ${String(e.total).replace('.', ',')} điểm.` : 'Đã lưu bản nháp phiếu chấm.'));
export const useIssueCertificate = () => useOcopWrite('ocop.certificates.issue', (c) => `Đã ghi nhận giấy chứng nhận số ${c.number}.`);
export const useRevokeCertificate = () => useOcopWrite('ocop.certificates.revoke', 'Đã ghi nhận quyết định thu hồi.');
export const useAddDossierFile = () => useOcopWrite('ocop.dossier.addFile', 'Đã đính kèm tệp.');
export const useRemoveDossierFile = () => useOcopWrite('ocop.dossier.removeFile', 'Đã gỡ tệp khỏi hồ sơ.');
export const useSetDossierState = () => useOcopWrite('ocop.dossier.setState');

/** Generated files do not change data: no invalidation, only the download and an error message. */
export function useGenerate<M extends 'ocop.forms.generate' | 'ocop.dossier.assemble' | 'ocop.dossier.getFile'>(method: M) {
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onError: (e) => notifications.show({ color: 'red', title: 'Không tạo được tệp', message: e.message, autoClose: 15_000 }),
  });
}
