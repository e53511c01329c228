import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Region } from './types';

export const REGION_QUERY_MIN_LENGTH = 1;

export function searchRegions(query: string, { signal }: { signal?: AbortSignal } = {}): Promise<Region[]> {
  const params = new URLSearchParams({ q: query });
  return api.get<Region[]>(`/api/v1/regions?${params.toString()}`, { signal });
}

export function regionsQueryOptions(query: string) {
  return queryOptions({
    queryKey: ['member', 'regions', query] as const,
    queryFn: ({ signal }) => searchRegions(query, { signal }),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** 동 names matching the (debounced) query; nothing is fetched for an empty query. */
export function useRegionSearch(query: string) {
  const trimmed = query.trim();
  return useQuery({ ...regionsQueryOptions(trimmed), enabled: trimmed.length >= REGION_QUERY_MIN_LENGTH });
}
