import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { isApiProblem } from '@/lib/problem';

import type { MyProfile } from './types';

export type { MyProfile };

export const myProfileQueryKey = ['member', 'me'] as const;

/**
 * Right after sign-up the profile is created asynchronously (by an event), so
 * the API may answer 404 `member.not_found` for a moment: retry that with a
 * growing delay for about ten seconds in total.
 */
export const PROFILE_NOT_FOUND_RETRIES = 7;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 2000;

export function isProfileNotReady(error: unknown): boolean {
  return isApiProblem(error) && error.status === 404 && error.code === 'member.not_found';
}

export function profileRetryDelay(attempt: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isProfileNotReady(error)) return failureCount < PROFILE_NOT_FOUND_RETRIES;
  // Network trouble and server errors get a couple of tries; other problems are final.
  const transient = !isApiProblem(error) || error.status === 0 || error.status >= 500;
  return transient && failureCount < 2;
}

export function getMyProfile({ signal }: { signal?: AbortSignal } = {}): Promise<MyProfile> {
  return api.get<MyProfile>('/api/v1/members/me', { signal });
}

export function myProfileQueryOptions() {
  return queryOptions({
    queryKey: myProfileQueryKey,
    queryFn: ({ signal }) => getMyProfile({ signal }),
    retry: shouldRetry,
    retryDelay: profileRetryDelay,
    staleTime: 30_000,
  });
}

export function useMyProfile() {
  return useQuery(myProfileQueryOptions());
}
