import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { exchangeKeys } from './queries';

/** One write of the exchange feature: calls the method, refreshes every exchange query, says what happened. */
function useExchangeWrite<M extends MethodName>(method: M, success?: (out: MethodOutput<M>) => string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onSuccess: async (out) => {
      await qc.invalidateQueries({ queryKey: exchangeKeys.all });
      const message = success?.(out);
      if (message) notifications.show({ color: 'green', message });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Không thực hiện được', message: e.message, autoClose: 15_000 }),
  });
}

export const useGenerateKeys = () => useExchangeWrite('exchange.keys.generate', () => 'Đã tạo khoá. Hãy xuất khoá công khai và gửi cho bên kia.');
export const useImportPeer = () =>
  useExchangeWrite('exchange.keys.importPeer', (p) => `Đã đăng ký khoá của ${p.name} (${p.officeCode}). Dấu vân tay: ${p.fingerprint}`);
export const useRetirePeer = () => useExchangeWrite('exchange.keys.retirePeer', (p) => `Đã ngừng tin cậy khoá của ${p.name}.`);
export const useExportBundle = () =>
  useExchangeWrite('exchange.bundle.export', (e) => `Đã tạo gói dữ liệu số ${e.sequence} (${e.fileName}).`);
export const useAcknowledgeExport = () =>
  useExchangeWrite('exchange.exports.acknowledge', (e) => `Đã ghi nhận tỉnh nhận gói số ${e.sequence}.`);
export const useImportBundles = () =>
  useExchangeWrite('exchange.bundle.import', (results) => {
    const ok = results.filter((r) => r.status === 'imported').length;
    return ok > 0 ? `Đã nhập ${ok}/${results.length} gói dữ liệu.` : null;
  });

/** Reads files never change data: only the download and an error message. */
export function useExchangeDownload<M extends 'exchange.bundle.download' | 'exchange.keys.exportPublic'>(method: M) {
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onError: (e) => notifications.show({ color: 'red', title: 'Không tải được tệp', message: e.message, autoClose: 15_000 }),
  });
}
