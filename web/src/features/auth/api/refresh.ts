import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, ApiProblem, setAccessToken, type Schemas } from '@/lib/api-client';

export type Session = Schemas['TokenRead'];

export const sessionQueryKey = ['auth', 'session'] as const;

/**
 * Exchanges the httpOnly refresh cookie for an access token.
 * Resolves to null when there is no valid session (401).
 */
export async function refreshSession(): Promise<Session | null> {
  try {
    const session = await api.post<Session>('/api/v1/auth/refresh', undefined, { auth: false });
    setAccessToken(session.access_token);
    return session;
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 401 || error.status === 403)) {
      setAccessToken(null);
      return null;
    }
    throw error;
  }
}

/** The session restored once on app load; later updated by login, logout and refreshes. */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionQueryKey,
    queryFn: refreshSession,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}
