import { useQueries, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Query keys of the NTM feature; every key starts with 'ntm' so a write can invalidate the whole feature. */
export const ntmKeys = {
  all: ['ntm'] as const,
  catalogs: () => ['ntm', 'catalogs.list'] as const,
  catalog: (id: string) => ['ntm', 'catalogs.get', id] as const,
  communes: () => ['ntm', 'communes.list'] as const,
  assessments: () => ['ntm', 'assessment'] as const,
  assessment: (unitCode: string, period: string) => ['ntm', 'assessment', unitCode, period] as const,
  matrix: (period: string) => ['ntm', 'matrix', period] as const,
  overview: (period: string) => ['ntm', 'overview', period] as const,
  recognitions: (unitCode?: string) => ['ntm', 'recognitions', unitCode ?? '*'] as const,
};

export function useNtmCatalogs() {
  return useQuery({ queryKey: ntmKeys.catalogs(), queryFn: () => call('ntm.catalogs.list', {}), staleTime: Infinity });
}

export function useNtmCatalog(id: string | undefined) {
  return useQuery({
    queryKey: ntmKeys.catalog(id ?? ''),
    queryFn: () => call('ntm.catalogs.get', { id: id! }),
    enabled: Boolean(id),
    staleTime: Infinity,
  });
}

export function useNtmAssessment(unitCode: string, period: string) {
  return useQuery({ queryKey: ntmKeys.assessment(unitCode, period), queryFn: () => call('ntm.assessment.get', { unitCode, period }) });
}

/** Several quarters of one commune (history), one call each; a quarter without a catalog just fails quietly. */
export function useNtmAssessmentHistory(unitCode: string, periods: string[]) {
  return useQueries({
    queries: periods.map((period) => ({
      queryKey: ntmKeys.assessment(unitCode, period),
      queryFn: () => call('ntm.assessment.get', { unitCode, period }),
    })),
  });
}

export function useNtmMatrix(period: string) {
  return useQuery({ queryKey: ntmKeys.matrix(period), queryFn: () => call('ntm.matrix', { period }) });
}

export function useNtmOverview(period: string) {
  return useQuery({ queryKey: ntmKeys.overview(period), queryFn: () => call('ntm.overview', { period }) });
}

export function useNtmRecognitions(unitCode?: string) {
  return useQuery({ queryKey: ntmKeys.recognitions(unitCode), queryFn: () => call('ntm.recognitions.list', unitCode ? { unitCode } : {}) });
}

/** A commune's NTM records next to its predecessors' (or an old one's successors') across the 2025 reform. */
export function useNtmHistoryAcrossReform(unitCode: string, era: 'before-2025-07' | 'current') {
  return useQuery({ queryKey: ['ntm', 'history', unitCode, era] as const, queryFn: () => call('ntm.history', { unitCode, era }) });
}
