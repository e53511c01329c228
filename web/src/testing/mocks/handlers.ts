import { delay, http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api-client';

import { createAccount, db, issueToken } from './db';

type FieldError = NonNullable<Schemas['Problem']['errors']>[number];

export function problem(
  status: number,
  code: string,
  init: { title?: string; detail?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
) {
  const body: Schemas['Problem'] = {
    type: 'about:blank',
    title: init.title ?? code,
    status,
    code,
    request_id: 'req-test',
    errors: init.errors ?? [],
    ...(init.detail === undefined ? {} : { detail: init.detail }),
  };
  return HttpResponse.json(body, {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...init.headers },
  });
}

const NICKNAME = /^[0-9A-Za-z_가-힣]{2,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validateAccount(body: Partial<Record<string, unknown>>): FieldError[] {
  const errors: FieldError[] = [];
  const text = (field: string) => (typeof body[field] === 'string' ? body[field] : '');
  const email = text('email');
  const password = text('password');
  const nickname = text('nickname');
  if (email === '') errors.push({ field: 'email', code: 'validation.required', message: 'Field required' });
  else if (!EMAIL.test(email))
    errors.push({ field: 'email', code: 'validation.invalid_email', message: 'Not a valid e-mail' });
  if (password === '')
    errors.push({ field: 'password', code: 'validation.required', message: 'Field required' });
  else if (password.length < 8)
    errors.push({ field: 'password', code: 'validation.too_short', message: 'Too short' });
  else if (password.length > 128)
    errors.push({ field: 'password', code: 'validation.too_long', message: 'Too long' });
  if (nickname === '')
    errors.push({ field: 'nickname', code: 'validation.required', message: 'Field required' });
  else if (!NICKNAME.test(nickname))
    errors.push({ field: 'nickname', code: 'validation.pattern', message: 'Bad nickname' });
  return errors;
}

function bearerAccount(request: Request): string | undefined {
  const header = request.headers.get('Authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return db.tokens.get(token);
}

/** A small, stateful imitation of the back end's first endpoints. */
export const handlers = [
  http.get('*/health', () => HttpResponse.json({ status: 'ok' })),

  http.post('*/api/v1/accounts', async ({ request }) => {
    await delay(10);
    const body = (await request.json()) as Partial<Record<string, unknown>>;
    const errors = validateAccount(body);
    if (errors.length > 0) return problem(422, 'validation.failed', { title: 'Validation failed', errors });
    const input = body as Schemas['AccountCreate'];
    const accounts = [...db.accounts.values()];
    if (accounts.some((a) => a.email === input.email)) {
      return problem(409, 'identity.email_taken', {
        title: 'E-mail taken',
        errors: [{ field: 'email', code: 'identity.email_taken', message: 'E-mail already registered' }],
      });
    }
    if (accounts.some((a) => a.nickname === input.nickname)) {
      return problem(409, 'identity.nickname_taken', {
        title: 'Nickname taken',
        errors: [{ field: 'nickname', code: 'identity.nickname_taken', message: 'Nickname taken' }],
      });
    }
    const { password: _password, ...account } = createAccount(input);
    return HttpResponse.json(account, { status: 201 });
  }),

  http.post('*/api/v1/auth/login', async ({ request }) => {
    await delay(10);
    const body = (await request.json()) as Schemas['LoginRequest'];
    const account = [...db.accounts.values()].find(
      (a) => a.email === body.email && a.password === body.password,
    );
    if (account === undefined) {
      return problem(401, 'identity.invalid_credentials', { title: 'Invalid credentials' });
    }
    db.refreshCookie = account.id;
    return HttpResponse.json(issueToken(account.id));
  }),

  http.post('*/api/v1/auth/refresh', () => {
    if (db.refreshCookie === null) {
      return problem(401, 'identity.refresh_invalid', { title: 'No session' });
    }
    const waiting = db.pendingOnbClaims.get(db.refreshCookie);
    if (waiting !== undefined) {
      if (waiting <= 0) {
        db.onboardedClaims.add(db.refreshCookie);
        db.pendingOnbClaims.delete(db.refreshCookie);
      } else {
        db.pendingOnbClaims.set(db.refreshCookie, waiting - 1);
      }
    }
    return HttpResponse.json(issueToken(db.refreshCookie));
  }),

  http.post('*/api/v1/auth/logout', () => {
    db.refreshCookie = null;
    return new HttpResponse(null, { status: 204 });
  }),

  http.get('*/api/v1/members/me', ({ request }) => {
    const accountId = bearerAccount(request);
    if (accountId === undefined) {
      return problem(401, 'auth.unauthenticated', { title: 'Not authenticated' });
    }
    const profile = db.profiles.get(accountId);
    if (profile === undefined || db.profileNotFoundCalls > 0) {
      db.profileNotFoundCalls = Math.max(0, db.profileNotFoundCalls - 1);
      return problem(404, 'member.not_found', { title: 'Member not found' });
    }
    return HttpResponse.json(profile);
  }),
];
