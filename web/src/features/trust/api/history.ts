import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Appeal, AppealPage, ScoreHistoryPage, TrustScore } from './types';

const SCORES_PATH = '/api/v1/trust-scores/me';

export const historyQueryKey = ['trust', 'history', 'mine'] as const;
export const myScoreQueryKey = ['trust', 'score', 'mine'] as const;
export const myAppealsQueryKey = ['trust', 'appeals', 'mine'] as const;

/** My 발도장 and, while suspended, until when. */
export function useMyScore() {
  return useQuery({
    queryKey: myScoreQueryKey,
    queryFn: ({ signal }) => api.get<TrustScore>(SCORES_PATH, { signal }),
  });
}

export function getMyHistory(cursor: string | null, { signal }: { signal?: AbortSignal } = {}): Promise<ScoreHistoryPage> {
  const params = new URLSearchParams({ limit: '30' });
  if (cursor !== null) params.set('cursor', cursor);
  return api.get<ScoreHistoryPage>(`${SCORES_PATH}/history?${params.toString()}`, { signal });
}

export function useMyHistory() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: historyQueryKey,
      queryFn: ({ pageParam, signal }) => getMyHistory(pageParam, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

/** My appeals (at most one per upheld report), to show each penalty's appeal state. */
export function useMyAppeals() {
  return useQuery({
    queryKey: myAppealsQueryKey,
    queryFn: ({ signal }) => api.get<AppealPage>('/api/v1/appeals?limit=100', { signal }),
  });
}

export interface AppealInput {
  reportId: string;
  text: string;
}

export function fileAppeal({ reportId, text }: AppealInput): Promise<Appeal> {
  return api.post<Appeal>('/api/v1/appeals', { report_id: reportId, text });
}

export function useFileAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fileAppeal,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myAppealsQueryKey }),
  });
}
