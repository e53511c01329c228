import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { TraitCatalog } from './types';

export const traitsQueryKey = ['member', 'traits'] as const;

export function getTraits({ signal }: { signal?: AbortSignal } = {}): Promise<TraitCatalog> {
  return api.get<TraitCatalog>('/api/v1/traits', { signal });
}

/** The fixed trait catalogue: fetched once per visit. */
export function traitsQueryOptions() {
  return queryOptions({
    queryKey: traitsQueryKey,
    queryFn: ({ signal }) => getTraits({ signal }),
    staleTime: Infinity,
  });
}

export function useTraits() {
  return useQuery(traitsQueryOptions());
}
