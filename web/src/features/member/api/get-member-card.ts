import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { MemberCard } from './types';

export const memberCardQueryKey = (memberId: string) => ['member', 'card', memberId] as const;

export function getMemberCard(memberId: string, { signal }: { signal?: AbortSignal } = {}): Promise<MemberCard> {
  return api.get<MemberCard>(`/api/v1/members/${encodeURIComponent(memberId)}`, { signal });
}

export function memberCardQueryOptions(memberId: string) {
  return queryOptions({
    queryKey: memberCardQueryKey(memberId),
    queryFn: ({ signal }) => getMemberCard(memberId, { signal }),
    staleTime: 30_000,
  });
}

export function useMemberCard(memberId: string) {
  return useQuery(memberCardQueryOptions(memberId));
}
