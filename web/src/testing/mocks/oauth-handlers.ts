import { http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api-client';

import { db, issueToken } from './db';
import { problem } from './handlers';

interface StoredTicket {
  accountId: string;
  provider: string;
  providerName: string;
  next: string;
}

/** Social login state: the enabled providers and the pending link tickets. */
export const oauth = {
  providers: [] as Schemas['ProviderRead'][],
  tickets: new Map<string, StoredTicket>(),
};

export function resetOauth(): void {
  oauth.providers = [];
  oauth.tickets.clear();
}

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Social login and link consent; none of the providers is enabled unless a test says so. */
export const oauthHandlers = [
  http.get('*/api/v1/auth/providers', () => HttpResponse.json(oauth.providers)),

  http.get('*/api/v1/auth/link', ({ request }) => {
    const ticket = new URL(request.url).searchParams.get('ticket') ?? '';
    const stored = oauth.tickets.get(ticket);
    const account = stored === undefined ? undefined : db.accounts.get(stored.accountId);
    if (stored === undefined || account === undefined) return problem(400, 'identity.link_ticket_invalid');
    const body: Schemas['LinkTicketRead'] = {
      provider: stored.provider,
      provider_name: stored.providerName,
      masked_email: maskEmail(account.email),
      next: stored.next,
    };
    return HttpResponse.json(body);
  }),

  http.post('*/api/v1/auth/link', async ({ request }) => {
    const body = (await request.json()) as Schemas['LinkRequest'];
    const stored = oauth.tickets.get(body.ticket);
    const account = stored === undefined ? undefined : db.accounts.get(stored.accountId);
    if (stored === undefined || account === undefined) return problem(400, 'identity.link_ticket_invalid');
    if (account.password !== body.password) {
      return problem(401, 'identity.invalid_credentials', { title: 'The e-mail or password is wrong' });
    }
    oauth.tickets.delete(body.ticket);
    db.socialProviders.set(account.id, [...(db.socialProviders.get(account.id) ?? []), stored.provider]);
    db.refreshCookie = account.id;
    const linked: Schemas['LinkedSessionRead'] = { ...issueToken(account.id), next: stored.next };
    return HttpResponse.json(linked);
  }),
];
