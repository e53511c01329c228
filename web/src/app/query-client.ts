import { QueryClient } from '@tanstack/react-query';

import { isApiProblem } from '@/lib/problem';

/** Retries only what may succeed on a second try: network failures and 5xx. */
function retryTransient(failureCount: number, error: unknown): boolean {
  if (isApiProblem(error) && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: retryTransient, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
