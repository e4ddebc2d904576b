import { useQuery } from '@tanstack/react-query';
import type { MethodInput } from '../../../../core/contract/index';
import { call } from '../../api/client';

/** Query keys of plans and verification; every write invalidates ['plans'] and so all of them. */
export const plansKeys = {
  all: ['plans'] as const,
  list: ['plans', 'list'] as const,
  progress: (input: MethodInput<'plans.progress'>) => ['plans', 'progress', input] as const,
  roadmaps: ['plans', 'roadmaps'] as const,
  rounds: ['plans', 'rounds'] as const,
  round: (id: string) => ['plans', 'round', id] as const,
  preview: (input: MethodInput<'plans.rounds.preview'>) => ['plans', 'preview', input] as const,
  compare: (roundId: string, unitCode: string) => ['plans', 'compare', roundId, unitCode] as const,
  tasks: (input: MethodInput<'plans.tasks.list'>) => ['plans', 'tasks', input] as const,
  catalogs: ['plans', 'catalogs'] as const,
  catalog: (id: string) => ['plans', 'catalog', id] as const,
  ocopMeta: ['plans', 'ocop-meta'] as const,
  communes: ['plans', 'communes'] as const,
  sectors: (catalogId: string) => ['plans', 'sectors', catalogId] as const,
  discrepancies: (roundId: string | null) => ['plans', 'discrepancies', roundId] as const,
  failing: ['plans', 'failing'] as const,
  evaluations: (productId: string) => ['plans', 'ocop-evaluations', productId] as const,
  products: ['plans', 'ocop-products'] as const,
  staff: ['plans', 'staff'] as const,
};

export const usePlans = () => useQuery({ queryKey: plansKeys.list, queryFn: () => call('plans.list', {}) });
export const usePlanProgress = (input: MethodInput<'plans.progress'>) => useQuery({ queryKey: plansKeys.progress(input), queryFn: () => call('plans.progress', input) });
export const useRoadmaps = () => useQuery({ queryKey: plansKeys.roadmaps, queryFn: () => call('plans.roadmap.list', {}) });
export const useRounds = () => useQuery({ queryKey: plansKeys.rounds, queryFn: () => call('plans.rounds.list', {}) });
export const useRound = (id: string | null) => useQuery({ queryKey: plansKeys.round(id ?? ''), queryFn: () => call('plans.rounds.get', { id: id! }), enabled: id !== null });
export const useScopePreview = (input: MethodInput<'plans.rounds.preview'> | null) =>
  useQuery({ queryKey: plansKeys.preview(input ?? { scope: { communes: null, products: null } }), queryFn: () => call('plans.rounds.preview', input!), enabled: input !== null });
export const useComparison = (roundId: string, unitCode: string | null) =>
  useQuery({ queryKey: plansKeys.compare(roundId, unitCode ?? ''), queryFn: () => call('plans.findings.compare', { roundId, unitCode: unitCode! }), enabled: unitCode !== null });
export const useTasks = (input: MethodInput<'plans.tasks.list'>) => useQuery({ queryKey: plansKeys.tasks(input), queryFn: () => call('plans.tasks.list', input) });
export const useNtmCatalogs = () => useQuery({ queryKey: plansKeys.catalogs, queryFn: () => call('ntm.catalogs.list', {}), staleTime: Infinity });
export const useNtmCatalog = (id: string | null) =>
  useQuery({ queryKey: plansKeys.catalog(id ?? ''), queryFn: () => call('ntm.catalogs.get', { id: id! }), enabled: id !== null, staleTime: Infinity });
export const useOcopMeta = () => useQuery({ queryKey: plansKeys.ocopMeta, queryFn: () => call('ocop.meta', {}), staleTime: Infinity });
export const useCommunes = () => useQuery({ queryKey: plansKeys.communes, queryFn: () => call('ntm.communes.list', {}), staleTime: 60_000 });
export const useCriterionSectors = (catalogId: string | null) =>
  useQuery({ queryKey: plansKeys.sectors(catalogId ?? ''), queryFn: () => call('plans.sectors.list', { catalogId: catalogId! }), enabled: catalogId !== null });
export const useSectorDiscrepancies = (roundId: string | null) =>
  useQuery({ queryKey: plansKeys.discrepancies(roundId), queryFn: () => call('plans.sectors.discrepancies', roundId ? { roundId } : {}) });
export const useSectorFailing = () => useQuery({ queryKey: plansKeys.failing, queryFn: () => call('plans.sectors.failing', {}) });
export const useOcopEvaluations = (productId: string | null) =>
  useQuery({ queryKey: plansKeys.evaluations(productId ?? ''), queryFn: () => call('ocop.evaluations.list', { productId: productId! }), enabled: productId !== null });
export const useOcopProducts = () => useQuery({ queryKey: plansKeys.products, queryFn: () => call('ocop.products.list', {}), staleTime: 60_000 });
export const useStaff = () => useQuery({ queryKey: plansKeys.staff, queryFn: () => call('staff.list', {}), staleTime: 60_000 });
