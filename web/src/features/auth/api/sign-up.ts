import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, type Schemas } from '@/lib/api-client';

import { login } from './login';
import type { Session } from './refresh';
import { setSession } from './session';

export type SignUpInput = Schemas['AccountCreate'];
export type Account = Schemas['AccountRead'];

export function signUp(input: SignUpInput): Promise<Account> {
  return api.post<Account>('/api/v1/accounts', input, { auth: false });
}

/** The account exists but the automatic login afterwards failed. */
export class SignUpLoginError extends Error {
  override readonly cause: unknown;

  constructor(cause: unknown) {
    super('Account created, but logging in failed');
    this.name = 'SignUpLoginError';
    this.cause = cause;
  }
}

/** Creates the account, then logs in with the same credentials. */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignUpInput): Promise<{ account: Account; session: Session }> => {
      const account = await signUp(input);
      try {
        const session = await login({ email: input.email, password: input.password });
        return { account, session };
      } catch (error) {
        throw new SignUpLoginError(error);
      }
    },
    onSuccess: ({ session }) => {
      setSession(queryClient, session);
    },
  });
}
