import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';

import { api, configureSession, setAccessToken } from '../api-client';
import { ApiProblem, parseRetryAfter } from '../problem';

describe('api client', () => {
  it('sends the bearer token and cookies', async () => {
    let seen: { auth: string | null; credentials: RequestCredentials } | undefined;
    server.use(
      http.get('*/api/v1/ping', ({ request }) => {
        seen = { auth: request.headers.get('Authorization'), credentials: request.credentials };
        return HttpResponse.json({ ok: true });
      }),
    );
    setAccessToken('abc');

    await expect(api.get('/api/v1/ping')).resolves.toEqual({ ok: true });
    expect(seen).toEqual({ auth: 'Bearer abc', credentials: 'include' });
  });

  it('refreshes once on 401 and replays the request with the new token', async () => {
    const refresh = vi.fn(() => Promise.resolve('fresh'));
    const onUnauthenticated = vi.fn();
    configureSession({ refresh, onUnauthenticated });
    setAccessToken('stale');
    server.use(
      http.get('*/api/v1/ping', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? HttpResponse.json({ ok: true })
          : problem(401, 'auth.unauthenticated'),
      ),
    );

    const [first, second] = await Promise.all([api.get('/api/v1/ping'), api.get('/api/v1/ping')]);

    expect(first).toEqual({ ok: true });
    expect(second).toEqual({ ok: true });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('gives up when the refresh fails', async () => {
    const onUnauthenticated = vi.fn();
    configureSession({ refresh: () => Promise.resolve(null), onUnauthenticated });
    server.use(http.get('*/api/v1/ping', () => problem(401, 'auth.unauthenticated')));

    const error = await api.get('/api/v1/ping').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).code).toBe('auth.unauthenticated');
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the token of a banned or deleted account is revoked', async () => {
    // The token is refused before it expires; identity refuses the refresh as well.
    const refresh = vi.fn(() => Promise.resolve(null));
    const onUnauthenticated = vi.fn();
    configureSession({ refresh, onUnauthenticated });
    setAccessToken('revoked');
    server.use(http.get('*/api/v1/members/me', () => problem(401, 'auth.access_revoked')));

    const error = await api.get('/api/v1/members/me').catch((e: unknown) => e);

    expect((error as ApiProblem).code).toBe('auth.access_revoked');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for requests made without auth', async () => {
    const refresh = vi.fn(() => Promise.resolve('fresh'));
    configureSession({ refresh, onUnauthenticated: vi.fn() });
    server.use(http.post('*/api/v1/auth/login', () => problem(401, 'identity.invalid_credentials')));

    await expect(api.post('/api/v1/auth/login', {}, { auth: false })).rejects.toMatchObject({
      status: 401,
      code: 'identity.invalid_credentials',
    });
    expect(refresh).not.toHaveBeenCalled();
  });

  it('parses problem+json with field errors, request id and Retry-After', async () => {
    server.use(
      http.post('*/api/v1/accounts', () =>
        problem(429, 'rate_limited', {
          title: 'Too many requests',
          detail: 'Slow down',
          errors: [{ field: 'email', code: 'x', message: 'y' }],
          headers: { 'Retry-After': '12' },
        }),
      ),
    );

    const error = (await api.post('/api/v1/accounts', {}, { auth: false }).catch((e: unknown) => e)) as ApiProblem;

    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      title: 'Too many requests',
      detail: 'Slow down',
      errors: [{ field: 'email', code: 'x', message: 'y' }],
      request_id: 'req-test',
      retryAfter: 12,
    });
  });

  it('turns a non-JSON failure and a network failure into problems', async () => {
    server.use(
      http.get('*/api/v1/html', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })),
      http.get('*/api/v1/down', () => HttpResponse.error()),
    );

    await expect(api.get('/api/v1/html')).rejects.toMatchObject({ status: 502, code: 'unknown' });
    await expect(api.get('/api/v1/down')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5);
  });
});
