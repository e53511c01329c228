import { db } from './db';
import { problem } from './handlers';

function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function bearer(request: Request): string {
  const header = request.headers.get('Authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
}

/** The calling account, or a 401 problem to return. */
export function requireAccount(request: Request): { id: string } | { error: Response } {
  const accountId = db.tokens.get(bearer(request));
  if (accountId === undefined) {
    return { error: problem(401, 'auth.unauthenticated', { title: 'Not authenticated' }) };
  }
  return { id: accountId };
}

/** Like the back end's CurrentMember: the token must carry `onb`. */
export function requireMember(request: Request): { id: string } | { error: Response } {
  const account = requireAccount(request);
  if ('error' in account) return account;
  if (claimsOf(bearer(request)).onb !== true) {
    return { error: problem(403, 'member.onboarding_required', { title: 'Finish onboarding first' }) };
  }
  return account;
}
