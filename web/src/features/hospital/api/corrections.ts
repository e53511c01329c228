import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Correction, CorrectionCreate, CorrectionPage, HospitalDetail, Interval } from './types';

const CORRECTIONS_PATH = '/api/v1/hospital-corrections';

export function suggestCorrection(hospitalId: string, body: CorrectionCreate): Promise<Correction> {
  return api.post<Correction>(`/api/v1/hospitals/${encodeURIComponent(hospitalId)}/corrections`, body);
}

export function useSuggestCorrection(hospitalId: string) {
  return useMutation({ mutationFn: (body: CorrectionCreate) => suggestCorrection(hospitalId, body) });
}

export const correctionsQueryKey = ['hospital', 'corrections'] as const;

export function getCorrections(cursor: string | null, { signal }: { signal?: AbortSignal } = {}): Promise<CorrectionPage> {
  const params = new URLSearchParams({ limit: '20', status: 'pending' });
  if (cursor !== null) params.set('cursor', cursor);
  return api.get<CorrectionPage>(`${CORRECTIONS_PATH}?${params.toString()}`, { signal });
}

export function useCorrections() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: correctionsQueryKey,
      queryFn: ({ pageParam, signal }) => getCorrections(pageParam, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

export interface Decision {
  correctionId: string;
  accept: boolean;
  reason: string;
}

export function decideCorrection({ correctionId, accept, reason }: Decision): Promise<Correction> {
  const verb = accept ? 'accept' : 'reject';
  return api.post<Correction>(`${CORRECTIONS_PATH}/${encodeURIComponent(correctionId)}/${verb}`, { reason });
}

export function useDecideCorrection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideCorrection,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: correctionsQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['hospital', 'search'] });
    },
  });
}

export interface HoursChange {
  hospitalId: string;
  open24h: boolean;
  hours: Interval[];
}

export function setHours({ hospitalId, open24h, hours }: HoursChange): Promise<HospitalDetail> {
  return api.put<HospitalDetail>(`/api/v1/hospitals/${encodeURIComponent(hospitalId)}/hours`, {
    open_24h: open24h,
    hours,
  });
}

export function useSetHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setHours,
    onSuccess: (detail) => {
      queryClient.setQueryData(['hospital', 'detail', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['hospital', 'search'] });
    },
  });
}
