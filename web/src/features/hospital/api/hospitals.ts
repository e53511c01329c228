import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { District, HospitalDetail, HospitalFilters, HospitalPage, MapSettings, Province } from './types';

const HOSPITALS_PATH = '/api/v1/hospitals';
export const PAGE_SIZE = 20;

function searchParams(filters: HospitalFilters, cursor: string | null, limit: number): URLSearchParams {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.province !== '') params.set('province', filters.province);
  if (filters.district !== '') params.set('district', filters.district);
  if (filters.name.trim() !== '') params.set('name', filters.name.trim());
  if (filters.open24h) params.set('open_24h', 'true');
  if (filters.openNow) params.set('open_now', 'true');
  if (filters.position !== null) {
    params.set('sort', 'distance');
    params.set('latitude', filters.position.latitude.toFixed(5));
    params.set('longitude', filters.position.longitude.toFixed(5));
  } else if (filters.fromNeighbourhood) {
    params.set('from_neighbourhood', 'true');
  }
  if (cursor !== null) params.set('cursor', cursor);
  return params;
}

export function searchHospitals(
  filters: HospitalFilters,
  cursor: string | null,
  { signal, limit = PAGE_SIZE }: { signal?: AbortSignal; limit?: number } = {},
): Promise<HospitalPage> {
  return api.get<HospitalPage>(`${HOSPITALS_PATH}?${searchParams(filters, cursor, limit).toString()}`, { signal });
}

export function hospitalSearchOptions(filters: HospitalFilters, limit = PAGE_SIZE) {
  return infiniteQueryOptions({
    // The position is part of the key only in memory (query keys are not persisted).
    queryKey: ['hospital', 'search', filters, limit],
    queryFn: ({ pageParam, signal }) => searchHospitals(filters, pageParam, { signal, limit }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    staleTime: 60_000,
  });
}

export function useHospitalSearch(filters: HospitalFilters, { enabled = true, limit = PAGE_SIZE } = {}) {
  return useInfiniteQuery({ ...hospitalSearchOptions(filters, limit), enabled });
}

export function useProvinces() {
  return useQuery(
    queryOptions({
      queryKey: ['hospital', 'provinces'],
      queryFn: ({ signal }) => api.get<Province[]>('/api/v1/hospital-provinces', { signal }),
      staleTime: 10 * 60_000,
    }),
  );
}

export function useDistricts(province: string) {
  return useQuery(
    queryOptions({
      queryKey: ['hospital', 'districts', province],
      queryFn: ({ signal }) =>
        api.get<District[]>(`/api/v1/hospital-provinces/${encodeURIComponent(province)}/districts`, { signal }),
      staleTime: 10 * 60_000,
      enabled: province !== '',
    }),
  );
}

export function useHospital(hospitalId: string | null) {
  return useQuery(
    queryOptions({
      queryKey: ['hospital', 'detail', hospitalId],
      queryFn: ({ signal }) => api.get<HospitalDetail>(`${HOSPITALS_PATH}/${encodeURIComponent(hospitalId ?? '')}`, { signal }),
      enabled: hospitalId !== null,
    }),
  );
}

export function useMapSettings() {
  return useQuery(
    queryOptions({
      queryKey: ['hospital', 'map-settings'],
      queryFn: ({ signal }) => api.get<MapSettings>('/api/v1/hospital-map', { signal }),
      staleTime: Infinity,
    }),
  );
}
