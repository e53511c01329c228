import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { isApiProblem } from '@/lib/problem';

import type {
  AlbumPage,
  Board,
  Club,
  ClubCreate,
  ClubPage,
  JoinResult,
  MemberPage,
  Photo,
  Post,
  PostPage,
  Schedule,
  ScheduleCreate,
  SchedulePage,
  Topic,
  UpcomingPage,
} from './types';

const CLUBS = '/api/v1/clubs';
const clubPath = (id: string) => `${CLUBS}/${encodeURIComponent(id)}`;

export const clubKeys = {
  all: ['club'] as const,
  find: (filters: ClubFilters) => ['club', 'find', filters] as const,
  mine: ['club', 'mine'] as const,
  upcoming: ['club', 'upcoming'] as const,
  one: (id: string) => ['club', 'one', id] as const,
  schedules: (id: string) => ['club', 'schedules', id] as const,
  posts: (id: string, board: Board) => ['club', 'posts', id, board] as const,
  photos: (id: string) => ['club', 'photos', id] as const,
  members: (id: string, pending: boolean) => ['club', 'members', id, pending] as const,
};

export interface ClubFilters {
  region: string | null;
  topic: Topic | null;
  q: string;
}

function pageParams(cursor: string | null, extra: Record<string, string | null> = {}): string {
  const params = new URLSearchParams({ limit: '20' });
  if (cursor !== null) params.set('cursor', cursor);
  for (const [key, value] of Object.entries(extra)) if (value !== null && value !== '') params.set(key, value);
  return params.toString();
}

export function useFindClubs(filters: ClubFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: clubKeys.find(filters),
      queryFn: ({ pageParam, signal }) =>
        api.get<ClubPage>(
          `${CLUBS}?${pageParams(pageParam, { region: filters.region, topic: filters.topic, q: filters.q.trim() })}`,
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

export function useMyClubs() {
  return useQuery({
    queryKey: clubKeys.mine,
    queryFn: ({ signal }) => api.get<ClubPage>(`${CLUBS}/mine?limit=50`, { signal }),
  });
}

export function useMyUpcoming(limit = 3) {
  return useQuery({
    queryKey: clubKeys.upcoming,
    queryFn: ({ signal }) => api.get<UpcomingPage>(`${CLUBS}/mine/upcoming?limit=${limit}`, { signal }),
  });
}

export function useClub(id: string) {
  return useQuery({ queryKey: clubKeys.one(id), queryFn: ({ signal }) => api.get<Club>(clubPath(id), { signal }) });
}

/** A photo just uploaded reaches the club service by event: a moment later it is known. */
const UNTIL_PHOTO_KNOWN = {
  retry: (count: number, error: unknown) => isApiProblem(error) && error.code === 'club.photo_not_found' && count < 10,
  retryDelay: 500,
};

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: clubKeys.all });
}

export function useCreateClub() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ClubCreate) => api.post<Club>(CLUBS, body),
    onSuccess: () => void invalidate(),
    ...UNTIL_PHOTO_KNOWN,
  });
}

export function useJoinClub(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<JoinResult>(`${clubPath(id)}/join`),
    onSuccess: () => void invalidate(),
  });
}

export function useLeaveClub(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.post<null>(`${clubPath(id)}/leave`), onSuccess: () => void invalidate() });
}

export function useSchedules(id: string, from: string, before: string) {
  return useQuery({
    queryKey: [...clubKeys.schedules(id), from, before],
    queryFn: ({ signal }) =>
      api.get<SchedulePage>(`${clubPath(id)}/schedules?${pageParams(null, { from, before, limit: '100' })}`, {
        signal,
      }),
  });
}

export function useCreateSchedule(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ScheduleCreate) => api.post<Schedule[]>(`${clubPath(id)}/schedules`, body),
    onSuccess: () => void invalidate(),
  });
}

export function useRsvp(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ scheduleId, coming }: { scheduleId: string; coming: boolean }) => {
      const path = `${clubPath(id)}/schedules/${encodeURIComponent(scheduleId)}/rsvp`;
      return coming ? api.put<Schedule>(path) : api.delete<Schedule>(path);
    },
    onSuccess: () => void invalidate(),
  });
}

export function usePosts(id: string, board: Board) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: clubKeys.posts(id, board),
      queryFn: ({ pageParam, signal }) =>
        api.get<PostPage>(`${clubPath(id)}/posts?${pageParams(pageParam, { board })}`, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

export function useCreatePost(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { board: Board; title: string; body: string }) => api.post<Post>(`${clubPath(id)}/posts`, body),
    onSuccess: () => void invalidate(),
  });
}

export function useDeletePost(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (postId: string) => api.delete<null>(`${clubPath(id)}/posts/${encodeURIComponent(postId)}`),
    onSuccess: () => void invalidate(),
  });
}

export function usePinPost(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ postId, pinned }: { postId: string; pinned: boolean }) =>
      api.put<Post>(`${clubPath(id)}/posts/${encodeURIComponent(postId)}/pin`, { pinned }),
    onSuccess: () => void invalidate(),
  });
}

export function usePhotos(id: string) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: clubKeys.photos(id),
      queryFn: ({ pageParam, signal }) =>
        api.get<AlbumPage>(`${clubPath(id)}/photos?${pageParams(pageParam)}`, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

export function useAddPhoto(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (mediaId: string) => api.post<Photo>(`${clubPath(id)}/photos`, { media_id: mediaId }),
    onSuccess: () => void invalidate(),
    ...UNTIL_PHOTO_KNOWN,
  });
}

export function useDeletePhoto(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (photoId: string) => api.delete<null>(`${clubPath(id)}/photos/${encodeURIComponent(photoId)}`),
    onSuccess: () => void invalidate(),
  });
}

export function useMembers(id: string, pending = false) {
  return useQuery({
    queryKey: clubKeys.members(id, pending),
    queryFn: ({ signal }) =>
      api.get<MemberPage>(`${clubPath(id)}/members?limit=100${pending ? '&pending=true' : ''}`, { signal }),
  });
}

export function useMemberAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ memberId, action }: { memberId: string; action: MemberAction }) => {
      const path = `${clubPath(id)}/members/${encodeURIComponent(memberId)}`;
      switch (action) {
        case 'approve':
          return api.post<unknown>(`${path}/approve`);
        case 'decline':
          return api.post<unknown>(`${path}/decline`);
        case 'manager':
          return api.put<unknown>(`${path}/role`, { role: 'manager' });
        case 'member':
          return api.put<unknown>(`${path}/role`, { role: 'member' });
        case 'remove':
          return api.post<unknown>(`${path}/remove`, { allow_rejoin: true });
        case 'ban':
          return api.post<unknown>(`${path}/remove`, { allow_rejoin: false });
      }
    },
    onSuccess: () => void invalidate(),
  });
}

export type MemberAction = 'approve' | 'decline' | 'manager' | 'member' | 'remove' | 'ban';
