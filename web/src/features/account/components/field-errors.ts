import type { i18n as I18n } from 'i18next';

import { translateFieldError } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';

/** A client-side check's message: `fieldErrors.<field>.<code>`, then `errors.<code>`. */
export function clientFieldError(i18n: I18n, field: string, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  return i18n.t([`fieldErrors.${field}.${code}`, `errors.${code}`], { ns: ['account', 'common'] });
}

/** The server's message for one field, when its problem names that field. */
export function serverFieldError(i18n: I18n, error: unknown, field: string): string | undefined {
  if (!isApiProblem(error)) return undefined;
  const fieldError = error.fieldErrors()[field];
  return fieldError === undefined ? undefined : translateFieldError(i18n, fieldError);
}

/** True when the problem is only about fields (so no form-level alert is needed). */
export function hasFieldErrors(error: unknown): boolean {
  return isApiProblem(error) && (error.errors?.length ?? 0) > 0;
}
