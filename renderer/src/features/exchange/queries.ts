import { useQuery } from '@tanstack/react-query';
import type { MethodInput } from '../../../../core/contract/index';
import { call } from '../../api/client';

/** Query keys of the exchange feature; every write invalidates ['exchange'] and so all of them. */
export const exchangeKeys = {
  all: ['exchange'] as const,
  status: ['exchange', 'status'] as const,
  keys: ['exchange', 'keys'] as const,
  exports: ['exchange', 'exports'] as const,
  imports: (input: MethodInput<'exchange.imports.list'>) => ['exchange', 'imports', input] as const,
  offices: ['exchange', 'offices'] as const,
};

export function useExchangeStatus() {
  return useQuery({ queryKey: exchangeKeys.status, queryFn: () => call('exchange.status', {}) });
}

export function useExchangeKeys() {
  return useQuery({ queryKey: exchangeKeys.keys, queryFn: () => call('exchange.keys.list', {}) });
}

export function useExports(enabled = true) {
  return useQuery({ queryKey: exchangeKeys.exports, queryFn: () => call('exchange.exports.list', {}), enabled });
}

export function useImportLog(input: MethodInput<'exchange.imports.list'> = { limit: 100 }, enabled = true) {
  return useQuery({ queryKey: exchangeKeys.imports(input), queryFn: () => call('exchange.imports.list', input), enabled });
}

export function useExchangeOffices(enabled = true) {
  return useQuery({ queryKey: exchangeKeys.offices, queryFn: () => call('exchange.offices', {}), enabled });
}
