import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { clearSession } from './session';

export async function logout(): Promise<void> {
  await api.post<undefined>('/api/v1/auth/logout', undefined, { auth: false });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      clearSession(queryClient);
    },
  });
}
