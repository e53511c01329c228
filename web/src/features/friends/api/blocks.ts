import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { friendsQueryKey } from './friends';
import type { BlockRead, MemberRef } from './types';

const BLOCKS_PATH = '/api/v1/blocks';

export const blocksQueryKey = ['friends', 'blocks'] as const;

export function getBlocks({ signal }: { signal?: AbortSignal } = {}): Promise<BlockRead[]> {
  return api.get<BlockRead[]>(BLOCKS_PATH, { signal });
}

export function blockMember(memberId: string): Promise<BlockRead> {
  const body: MemberRef = { member_id: memberId };
  return api.post<BlockRead>(BLOCKS_PATH, body);
}

export function unblockMember(memberId: string): Promise<void> {
  return api.delete<undefined>(`${BLOCKS_PATH}/${encodeURIComponent(memberId)}`);
}

export function blocksQueryOptions() {
  return queryOptions({
    queryKey: blocksQueryKey,
    queryFn: ({ signal }) => getBlocks({ signal }),
    staleTime: 30_000,
  });
}

export function useBlocks() {
  return useQuery(blocksQueryOptions());
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
