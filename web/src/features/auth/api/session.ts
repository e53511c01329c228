import type { QueryClient } from '@tanstack/react-query';

import { configureSession, setAccessToken } from '@/lib/api-client';

import { refreshSession, sessionQueryKey, type Session } from './refresh';

export function setSession(queryClient: QueryClient, session: Session): void {
  setAccessToken(session.access_token);
  queryClient.setQueryData(sessionQueryKey, session);
}

/** Forgets the session and every cached query that belonged to it. */
export function clearSession(queryClient: QueryClient): void {
  setAccessToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  queryClient.setQueryData(sessionQueryKey, null);
}

/**
 * Lets the API client refresh an expired access token (once, then replay) and
 * tells the app when the session is gone so guarded routes go to /login.
 */
export function registerSessionHandlers(queryClient: QueryClient): void {
  configureSession({
    refresh: async () => {
      const session = await refreshSession();
      if (session === null) {
        clearSession(queryClient);
        return null;
      }
      queryClient.setQueryData(sessionQueryKey, session);
      return session.access_token;
    },
    onUnauthenticated: () => {
      clearSession(queryClient);
    },
  });
}
