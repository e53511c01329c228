import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { auditQueryKey } from './audit';
import type { AdminAccount, AdminAccountPage, GrantableRole } from './types';

const ACCOUNTS_PATH = '/api/v1/admin/accounts';
const PAGE_SIZE = 20;

export const adminAccountsQueryKey = ['admin', 'accounts'] as const;

export function searchAccounts(
  query: string,
  cursor: string | null,
  { signal }: { signal?: AbortSignal } = {},
): Promise<AdminAccountPage> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (query !== '') params.set('q', query);
  if (cursor !== null) params.set('cursor', cursor);
  return api.get<AdminAccountPage>(`${ACCOUNTS_PATH}?${params.toString()}`, { signal });
}

export function accountSearchQueryOptions(query: string) {
  return infiniteQueryOptions({
    queryKey: [...adminAccountsQueryKey, 'search', query],
    queryFn: ({ pageParam, signal }) => searchAccounts(query, pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    // The previous results stay while the next search loads (no flash per keystroke).
    placeholderData: keepPreviousData,
  });
}

export function useAccountSearch(query: string) {
  return useInfiniteQuery(accountSearchQueryOptions(query));
}

export type AccountAction =
  | { kind: 'ban' | 'unban'; accountId: string; reason: string }
  | { kind: 'grant' | 'revoke'; accountId: string; reason: string; role: GrantableRole };

const ACTION_PATHS = {
  ban: 'ban',
  unban: 'unban',
  grant: 'role-grants',
  revoke: 'role-revocations',
} as const;

export function applyAccountAction(action: AccountAction): Promise<AdminAccount> {
  const path = `${ACCOUNTS_PATH}/${encodeURIComponent(action.accountId)}/${ACTION_PATHS[action.kind]}`;
  const body = action.kind === 'grant' || action.kind === 'revoke' ? { role: action.role, reason: action.reason } : { reason: action.reason };
  return api.post<AdminAccount>(path, body);
}

/** Every action changes an account and adds to the audit log: both are refetched. */
export function useAccountAction({ onDone }: { onDone?: (account: AdminAccount) => unknown } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyAccountAction,
    onSuccess: async (account) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminAccountsQueryKey }),
        queryClient.invalidateQueries({ queryKey: auditQueryKey }),
        onDone?.(account),
      ]);
    },
  });
}
