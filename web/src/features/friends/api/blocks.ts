import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { PAGE_SIZE, friendsQueryKey } from './friends';
import type { BlockPage, BlockRead, MemberRef } from './types';

const BLOCKS_PATH = '/api/v1/blocks';

export const blocksQueryKey = ['friends', 'blocks'] as const;

/** One page of blocked members, newest first. */
export function getBlocks(cursor: string | null, { signal }: { signal?: AbortSignal } = {}): Promise<BlockPage> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor !== null) params.set('cursor', cursor);
  return api.get<BlockPage>(`${BLOCKS_PATH}?${params.toString()}`, { signal });
}

export function blockMember(memberId: string): Promise<BlockRead> {
  const body: MemberRef = { member_id: memberId };
  return api.post<BlockRead>(BLOCKS_PATH, body);
}

export function unblockMember(memberId: string): Promise<void> {
  return api.delete<undefined>(`${BLOCKS_PATH}/${encodeURIComponent(memberId)}`);
}

export function blocksQueryOptions() {
  return infiniteQueryOptions({
    queryKey: blocksQueryKey,
    queryFn: ({ pageParam, signal }) => getBlocks(pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    staleTime: 30_000,
  });
}

export function useBlocks() {
  return useInfiniteQuery(blocksQueryOptions());
}

interface ChangeOptions {
  onChanged?: (() => unknown) | undefined;
}

/** Blocking also ends a friendship, so both lists are refetched. */
export function useBlockMember({ onChanged }: ChangeOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: blockMember,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: blocksQueryKey }),
        queryClient.invalidateQueries({ queryKey: friendsQueryKey }),
        onChanged?.(),
      ]);
    },
  });
}

export function useUnblockMember({ onChanged }: ChangeOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unblockMember,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: blocksQueryKey }), onChanged?.()]);
    },
  });
}
