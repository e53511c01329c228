import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Ban, BanPage, DecisionInput, QueueAppeal, QueueAppealPage, QueueReportPage, ReportDetail, SuspensionPage } from './types';

const ADMIN_REPORTS = '/api/v1/admin/reports';
const ADMIN_APPEALS = '/api/v1/admin/appeals';

export const moderationQueryKey = ['trust', 'moderation'] as const;

export interface QueueFilter {
  status: string;
  type: string;
}

function reportPath(reportId: string, action?: string): string {
  return `${ADMIN_REPORTS}/${encodeURIComponent(reportId)}${action === undefined ? '' : `/${action}`}`;
}

export function getQueue(filter: QueueFilter, cursor: string | null, { signal }: { signal?: AbortSignal } = {}) {
  const params = new URLSearchParams({ limit: '20' });
  if (filter.status !== '') params.set('status', filter.status);
  if (filter.type !== '') params.set('type', filter.type);
  if (cursor !== null) params.set('cursor', cursor);
  return api.get<QueueReportPage>(`${ADMIN_REPORTS}?${params.toString()}`, { signal });
}

export function useModerationQueue(filter: QueueFilter) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...moderationQueryKey, 'queue', filter],
      queryFn: ({ pageParam, signal }) => getQueue(filter, pageParam, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

const reportQueryKey = (reportId: string) => [...moderationQueryKey, 'report', reportId] as const;

export function useReportDetail(reportId: string) {
  return useQuery({
    queryKey: reportQueryKey(reportId),
    queryFn: ({ signal }) => api.get<ReportDetail>(reportPath(reportId), { signal }),
  });
}

/** Every decision answers the report as it now stands: show it, and refetch the lists. */
function useReportAction<T>(action: (input: T) => Promise<ReportDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: async (detail) => {
      queryClient.setQueryData(reportQueryKey(detail.id), detail);
      await queryClient.invalidateQueries({ queryKey: moderationQueryKey, predicate: (query) => query.queryKey[2] !== 'report' });
    },
  });
}

/** 접수 → 검토 중, so the reporter sees that someone is on it. */
export function useStartReview() {
  return useReportAction((reportId: string) => api.post<ReportDetail>(reportPath(reportId, 'review')));
}

export function decideReport({ reportId, uphold, note, penalty }: DecisionInput): Promise<ReportDetail> {
  if (!uphold) return api.post<ReportDetail>(reportPath(reportId, 'dismiss'), { note });
  return api.post<ReportDetail>(reportPath(reportId, 'uphold'), penalty === null ? { note } : { note, penalty });
}

export function useDecideReport() {
  return useReportAction(decideReport);
}

export function banMember({ memberId, reason }: { memberId: string; reason: string }): Promise<Ban> {
  return api.post<Ban>(`/api/v1/admin/members/${encodeURIComponent(memberId)}/ban`, { reason });
}

export function useBanMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: banMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationQueryKey }),
  });
}

export function useAppeals() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...moderationQueryKey, 'appeals'],
      queryFn: ({ pageParam, signal }) => {
        const params = new URLSearchParams({ limit: '20', status: 'pending' });
        if (pageParam !== null) params.set('cursor', pageParam);
        return api.get<QueueAppealPage>(`${ADMIN_APPEALS}?${params.toString()}`, { signal });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

export interface AppealDecisionInput {
  appealId: string;
  accept: boolean;
  note: string;
}

export function decideAppeal({ appealId, accept, note }: AppealDecisionInput): Promise<QueueAppeal> {
  return api.post<QueueAppeal>(`${ADMIN_APPEALS}/${encodeURIComponent(appealId)}/${accept ? 'accept' : 'reject'}`, { note });
}

export function useDecideAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideAppeal,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationQueryKey }),
  });
}

function pageOf<T extends { next_cursor?: string | null }>(path: string) {
  return (cursor: string | null, signal: AbortSignal) => {
    const params = new URLSearchParams({ limit: '50' });
    if (cursor !== null) params.set('cursor', cursor);
    return api.get<T>(`${path}?${params.toString()}`, { signal });
  };
}

export function useSuspensions() {
  const fetchPage = pageOf<SuspensionPage>('/api/v1/admin/suspensions');
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...moderationQueryKey, 'suspensions'],
      queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

export function useBans() {
  const fetchPage = pageOf<BanPage>('/api/v1/admin/bans');
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...moderationQueryKey, 'bans'],
      queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}
