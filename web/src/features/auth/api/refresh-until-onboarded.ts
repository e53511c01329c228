import { useQuery, useQueryClient } from '@tanstack/react-query';

import { ApiProblem } from '@/lib/api-client';

import { isOnboardedToken } from '../utils/jwt';

import { refreshSession, type Session } from './refresh';
import { clearSession, setSession } from './session';

/** Identity adds `onb` after it hears the member finished onboarding: a few seconds at most. */
export const ONBOARDED_REFRESH_ATTEMPTS = 8;

export function onboardedRefreshDelay(attempt: number): number {
  return Math.min(300 * 2 ** attempt, 2500);
}

export const ONBOARDING_NOT_CONFIRMED = 'auth.onboarding_not_confirmed';

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Refreshes the session until the new access token carries the `onb` claim,
 * with growing pauses and a bounded number of tries.
 */
export async function refreshUntilOnboarded(
  attempts = ONBOARDED_REFRESH_ATTEMPTS,
  delay: (attempt: number) => number = onboardedRefreshDelay,
): Promise<Session | null> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const session = await refreshSession();
    if (session === null || isOnboardedToken(session.access_token)) return session;
    if (attempt < attempts - 1) await wait(delay(attempt));
  }
  throw new ApiProblem({
    status: 0,
    code: ONBOARDING_NOT_CONFIRMED,
    title: 'Onboarding not confirmed yet',
  });
}

/**
 * The onboarding page's last step: once the profile says onboarding is complete,
 * get a session whose token lets the member in. A query (not a mutation) so a
 * second mount while it runs shares the same attempt instead of refreshing twice.
 */
export function useOnboardedSession(enabled: boolean) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['auth', 'onboarded-session'],
    queryFn: async () => {
      const session = await refreshUntilOnboarded();
      if (session === null) clearSession(queryClient);
      else setSession(queryClient, session);
      return session !== null;
    },
    enabled,
    retry: false,
    gcTime: 0,
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
