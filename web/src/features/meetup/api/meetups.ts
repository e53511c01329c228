import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type {
  CalendarDays,
  CheckInCode,
  JoinResult,
  Meetup,
  MeetupCreate,
  MeetupDetail,
  MeetupFilters,
  MeetupPage,
  MeetupSettings,
  MyRating,
} from './types';

const MEETUPS = '/api/v1/meetups';

export function filterParams(filters: MeetupFilters, from: string, to: string): URLSearchParams {
  const params = new URLSearchParams({ from, to, region: filters.region });
  if (filters.region === 'distance') params.set('distance_km', String(filters.distanceKm));
  if (filters.timeOfDay !== null) params.set('time_of_day', filters.timeOfDay);
  if (filters.freeOnly) params.set('free_only', 'true');
  if (filters.dogSize !== null) params.set('dog_size', filters.dogSize);
  if (filters.quiet) params.set('quiet', 'true');
  return params;
}

export function useMeetupSettings() {
  return useQuery({
    queryKey: ['meetup', 'settings'],
    queryFn: ({ signal }) => api.get<MeetupSettings>(`${MEETUPS}/settings`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCalendarDays(filters: MeetupFilters, from: string, to: string) {
  return useQuery({
    queryKey: ['meetup', 'calendar', filters, from, to],
    queryFn: ({ signal }) =>
      api.get<CalendarDays>(`${MEETUPS}/calendar?${filterParams(filters, from, to).toString()}`, { signal }),
    staleTime: 30_000,
  });
}

function listOptions(filters: MeetupFilters, from: string, to: string) {
  return infiniteQueryOptions({
    queryKey: ['meetup', 'list', filters, from, to],
    queryFn: ({ pageParam, signal }) => {
      const params = filterParams(filters, from, to);
      params.set('limit', '50');
      if (pageParam !== null) params.set('cursor', pageParam);
      return api.get<MeetupPage>(`${MEETUPS}?${params.toString()}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    staleTime: 30_000,
  });
}

export function useMeetupList(filters: MeetupFilters, from: string, to: string) {
  return useInfiniteQuery(listOptions(filters, from, to));
}

export function useMyMeetups(when: 'upcoming' | 'past', limit = 20) {
  return useInfiniteQuery({
    queryKey: ['meetup', 'mine', when, limit],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ when, limit: String(limit) });
      if (pageParam !== null) params.set('cursor', pageParam);
      return api.get<MeetupPage>(`${MEETUPS}/mine?${params.toString()}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useMeetup(meetupId: string) {
  return useQuery({
    queryKey: ['meetup', 'detail', meetupId],
    queryFn: ({ signal }) => api.get<MeetupDetail>(`${MEETUPS}/${meetupId}`, { signal }),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['meetup'] });
}

export function useCreateMeetup() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: MeetupCreate) => api.post<Meetup>(MEETUPS, body),
    onSuccess: refresh,
  });
}

export function useJoin(meetupId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post<JoinResult>(`${MEETUPS}/${meetupId}/participants/me`),
    onSuccess: refresh,
  });
}

export function useLeave(meetupId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.delete<Meetup>(`${MEETUPS}/${meetupId}/participants/me`),
    onSuccess: refresh,
  });
}

export function useCancel(meetupId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post<Meetup>(`${MEETUPS}/${meetupId}/cancel`),
    onSuccess: refresh,
  });
}

export function useDecide(meetupId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ memberId, approve }: { memberId: string; approve: boolean }) =>
      api.post(`${MEETUPS}/${meetupId}/requests/${memberId}`, { approve }),
    onSuccess: refresh,
  });
}

export type CheckInBody = { latitude: number; longitude: number } | { code: string };

export function useCheckIn(meetupId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CheckInBody) => api.post(`${MEETUPS}/${meetupId}/check-ins`, body),
    onSuccess: refresh,
  });
}

export function useCheckInCode(meetupId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['meetup', 'code', meetupId],
    queryFn: ({ signal }) => api.get<CheckInCode>(`${MEETUPS}/${meetupId}/check-in-code`, { signal }),
    enabled,
    staleTime: Infinity,
  });
}

export function useConfirmAttendance(meetupId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (memberIds: string[]) => api.put<string[]>(`${MEETUPS}/${meetupId}/attendance`, { member_ids: memberIds }),
    onSuccess: refresh,
  });
}

export function useRate(meetupId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ memberId, stars, text }: { memberId: string; stars: number; text: string }) =>
      api.put<MyRating>(`${MEETUPS}/${meetupId}/ratings/${memberId}`, { stars, text }),
    onSuccess: refresh,
  });
}

export function useReviewPost(meetupId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { title: string; content: string }) =>
      api.post<{ post_id: string }>(`${MEETUPS}/${meetupId}/review-post`, { ...body, media_ids: [] }),
    onSuccess: refresh,
  });
}

export function useCreateFeed() {
  return useMutation({ mutationFn: () => api.post<{ path: string }>('/api/v1/meetup-feeds/me') });
}

export function useRevokeFeed() {
  return useMutation({ mutationFn: () => api.delete('/api/v1/meetup-feeds/me') });
}
