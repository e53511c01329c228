import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { FriendPage, FriendRead, MemberRef } from './types';

const FRIENDS_PATH = '/api/v1/friends';
export const PAGE_SIZE = 20;

export const friendsQueryKey = ['friends', 'list'] as const;

/** One page of friends, newest first; ``cursor`` is the previous page's ``next_cursor``. */
export function getFriends(cursor: string | null, { signal }: { signal?: AbortSignal } = {}): Promise<FriendPage> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor !== null) params.set('cursor', cursor);
  return api.get<FriendPage>(`${FRIENDS_PATH}?${params.toString()}`, { signal });
}

export function addFriend(memberId: string): Promise<FriendRead> {
  const body: MemberRef = { member_id: memberId };
  return api.post<FriendRead>(FRIENDS_PATH, body);
}

export function removeFriend(memberId: string): Promise<void> {
  return api.delete<undefined>(`${FRIENDS_PATH}/${encodeURIComponent(memberId)}`);
}

export function friendsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: friendsQueryKey,
    queryFn: ({ pageParam, signal }) => getFriends(pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    staleTime: 30_000,
  });
}

export function useFriends() {
  return useInfiniteQuery(friendsQueryOptions());
}

interface ChangeOptions {
  /** Lets the page refresh what it shows elsewhere (e.g. the member card). */
  onChanged?: (() => unknown) | undefined;
}

export function useAddFriend({ onChanged }: ChangeOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addFriend,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: friendsQueryKey }), onChanged?.()]);
    },
  });
}

export function useRemoveFriend({ onChanged }: ChangeOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeFriend,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: friendsQueryKey }), onChanged?.()]);
    },
  });
}
