import { isApiProblem } from '@/lib/problem';

export const SUSPENDED_CODE = 'trust.suspended';

/** The end of a suspension a refused write carries (`suspended_until`), if it is one. */
export function suspensionEnd(error: unknown): Date | null | undefined {
  if (!isApiProblem(error) || error.code !== SUSPENDED_CODE) return undefined;
  const until = error.extensions.suspended_until;
  if (typeof until !== 'string') return null;
  const date = new Date(until);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: Date | string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(typeof value === 'string' ? new Date(value) : value);
}

export function formatDateTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
