import { skipToken, useQuery, type QueryClient } from '@tanstack/react-query';

import { suspensionEnd } from '../utils/suspension';

export interface SuspensionNotice {
  /** ISO 8601, or null when the refusal did not say. */
  until: string | null;
}

export const suspensionQueryKey = ['trust', 'suspension'] as const;

/**
 * Every write anywhere in the app may be refused with `trust.suspended`: remember the
 * latest such refusal so the layout can explain it once, with the end date.
 */
export function watchSuspensions(queryClient: QueryClient): () => void {
  return queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error') return;
    const end = suspensionEnd(event.action.error);
    if (end === undefined) return;
    queryClient.setQueryData<SuspensionNotice>(suspensionQueryKey, { until: end === null ? null : end.toISOString() });
  });
}

/** The suspension a refused write reported, if any (never fetched: only written above). */
export function useSuspensionNotice() {
  return useQuery<SuspensionNotice>({ queryKey: suspensionQueryKey, queryFn: skipToken, staleTime: Infinity });
}
