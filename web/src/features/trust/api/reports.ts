import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { api } from '@/lib/api-client';

import type { MemberSuggestion, MyReportPage, ReportCreate, ReportFiled } from './types';

const REPORTS_PATH = '/api/v1/reports';

export const myReportsQueryKey = ['trust', 'reports', 'mine'] as const;

/** Members whose nickname starts with `nickname` (never me; blocked and deleted members are left out). */
export function searchMembers(nickname: string, { signal }: { signal?: AbortSignal } = {}): Promise<MemberSuggestion[]> {
  const params = new URLSearchParams({ nickname, limit: '8' });
  return api.get<MemberSuggestion[]>(`/api/v1/members?${params.toString()}`, { signal });
}

export function useMemberSearch(nickname: string) {
  const query = nickname.trim();
  return useQuery({
    queryKey: ['trust', 'member-search', query],
    queryFn: ({ signal }) => searchMembers(query, { signal }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/**
 * The member named on the card's 신고하기 link (`?member=<nickname>`): the exact match,
 * until the reporter picks someone else; `missing` when no such member can be reported.
 */
export function usePrefilledMember(nickname: string) {
  const [dismissed, setDismissed] = useState(nickname === '');
  const search = useMemberSearch(dismissed ? '' : nickname);
  const member = dismissed ? undefined : search.data?.find((candidate) => candidate.nickname === nickname);
  const settled = search.isSuccess && !search.isPlaceholderData;
  return {
    member: member ?? null,
    missing: !dismissed && settled && member === undefined,
    dismiss: () => setDismissed(true),
  };
}

export function fileReport(body: ReportCreate): Promise<ReportFiled> {
  return api.post<ReportFiled>(REPORTS_PATH, body);
}

export function useFileReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fileReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myReportsQueryKey }),
  });
}

export function getMyReports(cursor: string | null, { signal }: { signal?: AbortSignal } = {}): Promise<MyReportPage> {
  const params = new URLSearchParams({ limit: '20' });
  if (cursor !== null) params.set('cursor', cursor);
  return api.get<MyReportPage>(`${REPORTS_PATH}?${params.toString()}`, { signal });
}

export function useMyReports() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: myReportsQueryKey,
      queryFn: ({ pageParam, signal }) => getMyReports(pageParam, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}
