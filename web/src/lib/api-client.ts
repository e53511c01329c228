import type { components } from './api/schema';
import { ApiProblem, networkProblem, problemFromResponse } from './problem';

/** Schema types generated from the back end's OpenAPI document. */
export type Schemas = components['schemas'];

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** JSON body (serialised once so the request can be replayed), or multipart FormData. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /**
   * Send the in-memory access token and, on 401, refresh once and replay.
   * Off for the auth endpoints themselves. Default true.
   */
  auth?: boolean;
}

export interface SessionHandlers {
  /** Obtain a fresh access token (null when the session is gone). */
  refresh: () => Promise<string | null>;
  /** Called when a request stays unauthorised after a refresh attempt. */
  onUnauthenticated: () => void;
}

// The access token lives in memory only; the refresh token is an httpOnly cookie.
let accessToken: string | null = null;
let handlers: SessionHandlers | null = null;
let refreshInFlight: Promise<string | null> | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function configureSession(next: SessionHandlers | null): void {
  handlers = next;
}

/** Refreshes at most once at a time; concurrent 401s share the same attempt. */
function refreshOnce(): Promise<string | null> {
  if (handlers === null) return Promise.resolve(null);
  if (refreshInFlight === null) {
    const { refresh } = handlers;
    refreshInFlight = refresh()
      .catch(() => null)
      .finally(() => {
        refreshInFlight = null;
      });
  }
  return refreshInFlight;
}

/** A fresh access token (null when the session is gone), e.g. for a WebSocket to reconnect. */
export function refreshAccessToken(): Promise<string | null> {
  return refreshOnce();
}

function resolveUrl(path: string): string {
  // Absolute URLs keep fetch happy outside the browser (tests run on Node).
  const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
  return new URL(path, origin).toString();
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) {
    // The browser sets the multipart boundary itself.
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(resolveUrl(path), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'include',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkProblem(error);
  }
}

async function parseBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/**
 * Fetches JSON from the API. Failed responses throw an {@link ApiProblem}.
 * With `auth` (the default) a 401 triggers one refresh and one replay.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const useAuth = options.auth ?? true;
  let response = await send(path, options, useAuth ? accessToken : null);

  if (response.status === 401 && useAuth) {
    const token = await refreshOnce();
    if (token !== null) {
      response = await send(path, options, token);
    }
    if (response.status === 401) {
      handlers?.onUnauthenticated();
    }
  }

  if (!response.ok) throw await problemFromResponse(response);
  return parseBody<T>(response);
}

/**
 * Fetches a file that needs the access token (private media such as report evidence),
 * with the same one refresh and replay on 401. Failed responses throw an {@link ApiProblem}.
 */
export async function apiBlob(path: string, { signal }: { signal?: AbortSignal } = {}): Promise<Blob> {
  const options: RequestOptions = { method: 'GET', headers: { Accept: '*/*' }, signal };
  let response = await send(path, options, accessToken);
  if (response.status === 401) {
    const token = await refreshOnce();
    if (token !== null) response = await send(path, options, token);
  }
  if (!response.ok) throw await problemFromResponse(response);
  return response.blob();
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};

export { ApiProblem };
