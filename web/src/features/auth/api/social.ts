import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, type Schemas } from '@/lib/api-client';

import { setSession } from './session';

export type LoginProvider = Schemas['ProviderRead'];
export type LinkTicket = Schemas['LinkTicketRead'];
export type LinkInput = Schemas['LinkRequest'];
export type LinkedSession = Schemas['LinkedSessionRead'];

/** The problem code for a link ticket that is unknown, tampered with or expired. */
export const LINK_TICKET_INVALID = 'identity.link_ticket_invalid';

/** Where a social login button goes: a full page navigation to the back end. */
export function socialStartUrl(providerId: string, next = '/'): string {
  return `/api/v1/auth/${encodeURIComponent(providerId)}/start?next=${next}`;
}

export function useLoginProviders() {
  return useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => api.get<LoginProvider[]>('/api/v1/auth/providers', { auth: false }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useLinkTicket(ticket: string) {
  return useQuery({
    queryKey: ['auth', 'link-ticket', ticket],
    queryFn: () =>
      api.get<LinkTicket>(`/api/v1/auth/link?${new URLSearchParams({ ticket }).toString()}`, {
        auth: false,
      }),
    enabled: ticket !== '',
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/**
 * The owner of the existing account consents with its password; logs in like login does.
 * `onLinked` runs right after the session is stored, in the same tick, so the page can
 * navigate before the guest layout re-renders with the session and sends everyone home.
 */
export function useLinkSocialAccount(onLinked: (linked: LinkedSession) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LinkInput) => api.post<LinkedSession>('/api/v1/auth/link', input, { auth: false }),
    onSuccess: (linked) => {
      setSession(queryClient, {
        access_token: linked.access_token,
        token_type: linked.token_type,
        expires_in: linked.expires_in,
        account_id: linked.account_id,
      });
      onLinked(linked);
    },
  });
}
