import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, apiRequest, type Schemas } from '@/lib/api-client';
import { isApiProblem } from '@/lib/problem';

export type MyAccount = Schemas['MyAccountRead'];
export type PasswordChange = Schemas['PasswordChange'];
export type AccountDelete = Schemas['AccountDelete'];

/** What social-only accounts type to confirm the deletion (the server checks the same word). */
export const DELETE_CONFIRMATION = '탈퇴';

export const myAccountQueryKey = ['account', 'me'] as const;
/** The member feature keys every member query under 'member' (profile, cards). */
const memberQueryPrefix = ['member'] as const;

export function getMyAccount(signal?: AbortSignal): Promise<MyAccount> {
  return api.get<MyAccount>('/api/v1/accounts/me', { signal });
}

export function useMyAccount() {
  return useQuery({
    queryKey: myAccountQueryKey,
    queryFn: ({ signal }) => getMyAccount(signal),
  });
}

export function changeNickname(nickname: string): Promise<MyAccount> {
  return api.patch<MyAccount>('/api/v1/accounts/me/nickname', { nickname });
}

export function useChangeNickname() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeNickname,
    onSuccess: async (account) => {
      queryClient.setQueryData(myAccountQueryKey, account);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: myAccountQueryKey }),
        queryClient.invalidateQueries({ queryKey: memberQueryPrefix }),
      ]);
    },
    onError: (error) => {
      // Learn when the next change is allowed.
      if (isApiProblem(error) && error.code === 'identity.nickname_cooldown') {
        void queryClient.invalidateQueries({ queryKey: myAccountQueryKey });
      }
    },
  });
}

export function changePassword(body: PasswordChange): Promise<void> {
  return api.post<undefined>('/api/v1/accounts/me/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

export function deleteAccount(body: AccountDelete): Promise<void> {
  // The confirmation travels in the body (api.delete sends none).
  return apiRequest<undefined>('/api/v1/accounts/me', { method: 'DELETE', body });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: deleteAccount });
}
