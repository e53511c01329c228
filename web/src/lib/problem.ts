import type { components } from './api/schema';

export type ProblemBody = components['schemas']['Problem'];
export type FieldError = NonNullable<ProblemBody['errors']>[number];

/** Codes the client produces itself, when there is no server answer to parse. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  unknown: 'unknown',
} as const;

/**
 * An RFC 9457 problem answered by the API (or made up by the client when the
 * request never got a usable answer). `code` is stable and translated by the UI.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly request_id: string | undefined;
  /** Seconds from a `Retry-After` header, when the server sent one. */
  readonly retryAfter: number | undefined;
  /** Members beyond RFC 9457's (e.g. a suspension's end), as the server sent them. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    errors?: FieldError[] | undefined;
    request_id?: string | undefined;
    retryAfter?: number | undefined;
    extensions?: Record<string, unknown> | undefined;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.request_id = init.request_id;
    this.retryAfter = init.retryAfter;
    this.extensions = init.extensions ?? {};
  }

  /** Field errors indexed by field name (first error per field wins). */
  fieldErrors(): Record<string, FieldError> {
    const byField: Record<string, FieldError> = {};
    for (const error of this.errors ?? []) {
      byField[error.field] ??= error;
    }
    return byField;
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const errors: FieldError[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const field = asString(item.field);
    const code = asString(item.code);
    if (field === undefined || code === undefined) continue;
    errors.push({ field, code, message: asString(item.message) ?? '' });
  }
  return errors;
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into whole seconds. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'request_id']);

function extensionMembers(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key)));
}

/** Builds an ApiProblem from a failed HTTP response (whatever its body). */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  let body: unknown = undefined;
  const text = await response.text().catch(() => '');
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
  }
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const fallbackTitle = response.statusText || `HTTP ${response.status}`;
  if (isRecord(body)) {
    return new ApiProblem({
      status: typeof body.status === 'number' ? body.status : response.status,
      code: asString(body.code) ?? CLIENT_ERROR_CODES.unknown,
      title: asString(body.title) ?? fallbackTitle,
      detail: asString(body.detail),
      errors: parseFieldErrors(body.errors),
      request_id: asString(body.request_id) ?? response.headers.get('X-Request-ID') ?? undefined,
      retryAfter,
      extensions: extensionMembers(body),
    });
  }
  return new ApiProblem({
    status: response.status,
    code: CLIENT_ERROR_CODES.unknown,
    title: fallbackTitle,
    retryAfter,
  });
}

export function networkProblem(cause: unknown): ApiProblem {
  const problem = new ApiProblem({
    status: 0,
    code: CLIENT_ERROR_CODES.network,
    title: 'Network error',
    detail: cause instanceof Error ? cause.message : undefined,
  });
  return problem;
}
