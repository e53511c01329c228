import { http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api-client';

import { requireAccount } from './auth-helpers';
import { db } from './db';
import { problem } from './handlers';

const NICKNAME = /^[0-9A-Za-z_가-힣]{2,20}$/;
const COOLDOWN_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/** GET /accounts/me as the owner sees it; an empty stored password means social-only. */
export function myAccount(id: string): Schemas['MyAccountRead'] | undefined {
  const account = db.accounts.get(id);
  if (account === undefined) return undefined;
  const allowedAt = db.nicknameChangeAllowedAt.get(id) ?? null;
  return {
    id: account.id,
    email: account.email === '' ? null : account.email,
    nickname: account.nickname,
    created_at: account.created_at,
    has_password: account.password !== '',
    social_providers: db.socialProviders.get(id) ?? [],
    onboarded: db.onboardedClaims.has(id),
    nickname_change_allowed_at: allowedAt !== null && Date.parse(allowedAt) > Date.now() ? allowedAt : null,
  };
}

/** The identity API's own-account endpoints: nickname, password, deletion. */
export const accountHandlers = [
  http.get('*/api/v1/accounts/me', ({ request }) => {
    const caller = requireAccount(request);
    if ('error' in caller) return caller.error;
    const account = myAccount(caller.id);
    if (account === undefined) return problem(404, 'identity.account_not_found');
    return HttpResponse.json(account);
  }),

  http.patch('*/api/v1/accounts/me/nickname', async ({ request }) => {
    const caller = requireAccount(request);
    if ('error' in caller) return caller.error;
    const account = db.accounts.get(caller.id);
    if (account === undefined) return problem(404, 'identity.account_not_found');
    const { nickname } = (await request.json()) as Partial<Schemas['NicknameUpdate']>;
    if (typeof nickname !== 'string' || !NICKNAME.test(nickname)) {
      return problem(422, 'validation.failed', {
        errors: [{ field: 'nickname', code: 'validation.pattern', message: 'Bad nickname' }],
      });
    }
    if (nickname === account.nickname) return HttpResponse.json(myAccount(caller.id));
    const allowedAt = db.nicknameChangeAllowedAt.get(caller.id);
    if (allowedAt !== undefined && Date.parse(allowedAt) > Date.now()) {
      const wait = Math.ceil((Date.parse(allowedAt) - Date.now()) / 1000);
      return problem(429, 'identity.nickname_cooldown', { headers: { 'Retry-After': String(wait) } });
    }
    const key = nickname.toLowerCase();
    if ([...db.accounts.values()].some((a) => a.id !== caller.id && a.nickname.toLowerCase() === key)) {
      return problem(409, 'identity.nickname_taken', {
        errors: [{ field: 'nickname', code: 'identity.nickname_taken', message: 'Nickname taken' }],
      });
    }
    account.nickname = nickname;
    const profile = db.profiles.get(caller.id);
    if (profile !== undefined) profile.nickname = nickname;
    db.nicknameChangeAllowedAt.set(caller.id, new Date(Date.now() + COOLDOWN_DAYS * DAY).toISOString());
    return HttpResponse.json(myAccount(caller.id));
  }),

  http.post('*/api/v1/accounts/me/password', async ({ request }) => {
    const caller = requireAccount(request);
    if ('error' in caller) return caller.error;
    const account = db.accounts.get(caller.id);
    if (account === undefined) return problem(404, 'identity.account_not_found');
    const body = (await request.json()) as Partial<Schemas['PasswordChange']>;
    if (account.password === '') return problem(409, 'identity.password_not_set');
    const next = body.new_password ?? '';
    if (next.length < 8) {
      return problem(422, 'validation.failed', {
        errors: [{ field: 'new_password', code: 'validation.too_short', message: 'Too short' }],
      });
    }
    if (body.current_password !== account.password) return problem(403, 'identity.wrong_password');
    if (next === account.password) return problem(422, 'identity.password_unchanged');
    account.password = next;
    return new HttpResponse(null, { status: 204 });
  }),

  http.delete('*/api/v1/accounts/me', async ({ request }) => {
    const caller = requireAccount(request);
    if ('error' in caller) return caller.error;
    const account = db.accounts.get(caller.id);
    if (account === undefined) return problem(404, 'identity.account_not_found');
    const body = (await request.json()) as Partial<Schemas['AccountDelete']>;
    if (account.password !== '') {
      if (body.password !== account.password) return problem(403, 'identity.wrong_password');
    } else if (body.confirm !== '탈퇴') {
      return problem(422, 'identity.delete_confirmation_required');
    }
    db.accounts.delete(caller.id);
    db.profiles.delete(caller.id);
    for (const [token, id] of db.tokens) if (id === caller.id) db.tokens.delete(token);
    if (db.refreshCookie === caller.id) db.refreshCookie = null;
    return new HttpResponse(null, { status: 204 });
  }),
];
