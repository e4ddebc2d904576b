import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UnitEra } from '../../../../core/contract/index';
import { call } from '../../api/client';

/** Query keys of the units feature (reference data: it changes only with an app update). */
export const unitsKeys = {
  search: (query: string) => ['units', 'search', query] as const,
  lineage: (code: string, era: UnitEra | undefined) => ['units', 'lineage', code, era ?? '*'] as const,
};

/** Current and old units by name or code; a current commune is also found through an old name it took over. */
export function useUnitSearch(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: unitsKeys.search(q),
    queryFn: async () => {
      const [current, old] = await Promise.all([
        call('units.search', { query: q, era: 'current', limit: 30 }),
        call('units.search', { query: q, era: 'before-2025-07', level: 'commune', limit: 20 }),
      ]);
      return [...current, ...old];
    },
    enabled: q.length >= 2,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function useUnitLineage(code: string, era: UnitEra | undefined) {
  return useQuery({ queryKey: unitsKeys.lineage(code, era), queryFn: () => call('units.lineage', { code, era }), staleTime: Infinity });
}
