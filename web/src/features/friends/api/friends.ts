import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { FriendRead, MemberRef } from './types';

const FRIENDS_PATH = '/api/v1/friends';

export const friendsQueryKey = ['friends', 'list'] as const;

export function getFriends({ signal }: { signal?: AbortSignal } = {}): Promise<FriendRead[]> {
  return api.get<FriendRead[]>(FRIENDS_PATH, { signal });
}

export function addFriend(memberId: string): Promise<FriendRead> {
  const body: MemberRef = { member_id: memberId };
  return api.post<FriendRead>(FRIENDS_PATH, body);
}

export function removeFriend(memberId: string): Promise<void> {
  return api.delete<undefined>(`${FRIENDS_PATH}/${encodeURIComponent(memberId)}`);
}

export function friendsQueryOptions() {
  return queryOptions({
    queryKey: friendsQueryKey,
    queryFn: ({ signal }) => getFriends({ signal }),
    staleTime: 30_000,
  });
}

export function useFriends() {
  return useQuery(friendsQueryOptions());
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
