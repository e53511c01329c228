import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, type Schemas } from '@/lib/api-client';

import type { Session } from './refresh';
import { setSession } from './session';

export type LoginInput = Schemas['LoginRequest'];

export function login(input: LoginInput): Promise<Session> {
  return api.post<Session>('/api/v1/auth/login', input, { auth: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      setSession(queryClient, session);
    },
  });
}
