import { useQuery } from '@tanstack/react-query';
import type { MethodInput } from '../../../../core/contract/index';
import { call } from '../../api/client';

/** Query keys of the OCOP feature; every write invalidates ['ocop'] and so all of them. */
export const ocopKeys = {
  all: ['ocop'] as const,
  meta: ['ocop', 'meta'] as const,
  sheet: (version: string | undefined, sheetNo: number) => ['ocop', 'sheet', version ?? 'current', sheetNo] as const,
  producers: (query: string) => ['ocop', 'producers', query] as const,
  products: (input: MethodInput<'ocop.products.list'>) => ['ocop', 'products', input] as const,
  product: (id: string) => ['ocop', 'product', id] as const,
  dossier: (productId: string) => ['ocop', 'dossier', productId] as const,
  due: (horizonDays: number) => ['ocop', 'due', horizonDays] as const,
  rounds: (year: number) => ['ocop', 'rounds', year] as const,
};

export function useOcopMeta() {
  return useQuery({ queryKey: ocopKeys.meta, queryFn: () => call('ocop.meta', {}), staleTime: Infinity });
}

export function useOcopSheet(version: string | undefined, sheetNo: number) {
  return useQuery({ queryKey: ocopKeys.sheet(version, sheetNo), queryFn: () => call('ocop.sheets.get', { version, sheetNo }), staleTime: Infinity });
}

export function useProducers(query = '') {
  return useQuery({ queryKey: ocopKeys.producers(query), queryFn: () => call('ocop.producers.list', { query: query || undefined }) });
}

export function useProducts(input: MethodInput<'ocop.products.list'> = {}) {
  return useQuery({ queryKey: ocopKeys.products(input), queryFn: () => call('ocop.products.list', input) });
}

export function useProduct(id: string) {
  return useQuery({ queryKey: ocopKeys.product(id), queryFn: () => call('ocop.products.get', { id }) });
}

export function useDossier(productId: string) {
  return useQuery({ queryKey: ocopKeys.dossier(productId), queryFn: () => call('ocop.dossier.get', { productId }) });
}

export function useDueSoon(horizonDays = 180) {
  return useQuery({ queryKey: ocopKeys.due(horizonDays), queryFn: () => call('ocop.dueSoon', { horizonDays }) });
}

export function useRounds(year: number) {
  return useQuery({ queryKey: ocopKeys.rounds(year), queryFn: () => call('ocop.rounds.list', { year }) });
}
