import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { AuditEntryPage } from './types';

const PAGE_SIZE = 30;

export const auditQueryKey = ['admin', 'audit'] as const;

export function getAuditEntries(cursor: string | null, { signal }: { signal?: AbortSignal } = {}): Promise<AuditEntryPage> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor !== null) params.set('cursor', cursor);
  return api.get<AuditEntryPage>(`/api/v1/admin/audit-entries?${params.toString()}`, { signal });
}

export function auditQueryOptions() {
  return infiniteQueryOptions({
    queryKey: auditQueryKey,
    queryFn: ({ pageParam, signal }) => getAuditEntries(pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useAuditEntries() {
  return useInfiniteQuery(auditQueryOptions());
}
