import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Query keys of the reports feature; every key starts with 'reports' so a write can invalidate the feature. */
export const reportKeys = {
  all: ['reports'] as const,
  offices: () => ['reports', 'offices'] as const,
  preview: (period: string, officeCode: string | undefined) => ['reports', 'preview', period, officeCode ?? '*'] as const,
  list: () => ['reports', 'list'] as const,
  report: (id: string) => ['reports', 'get', id] as const,
  deadlines: () => ['reports', 'deadlines'] as const,
  settings: () => ['reports', 'settings'] as const,
};

export function useReportOffices() {
  return useQuery({ queryKey: reportKeys.offices(), queryFn: () => call('reports.offices', {}) });
}

export function useReportPreview(period: string, officeCode: string | undefined) {
  return useQuery({ queryKey: reportKeys.preview(period, officeCode), queryFn: () => call('reports.preview', { period, officeCode }), staleTime: 30_000 });
}

export function useReportList() {
  return useQuery({ queryKey: reportKeys.list(), queryFn: () => call('reports.list', {}) });
}

export function useSavedReport(id: string | null) {
  return useQuery({ queryKey: reportKeys.report(id ?? ''), queryFn: () => call('reports.get', { id: id! }), enabled: Boolean(id), staleTime: Infinity });
}

export function useReportDeadlines() {
  return useQuery({ queryKey: reportKeys.deadlines(), queryFn: () => call('reports.deadlines', {}) });
}

export function useReportSettings() {
  return useQuery({ queryKey: reportKeys.settings(), queryFn: () => call('reports.settings.get', {}) });
}
