/**
 * Client-side checks that mirror the server's rules for AccountCreate and
 * LoginRequest. They return the same error codes the server uses, so one set
 * of translations serves both.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;
export const NICKNAME_PATTERN = /^[0-9A-Za-z_가-힣]+$/;
// Deliberately simple: one @, something before it, a dot in the domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ValidationCode =
  | 'validation.required'
  | 'validation.too_short'
  | 'validation.too_long'
  | 'validation.invalid_email'
  | 'validation.pattern';

/** Length in code points, as the server (Python) counts it. */
function length(value: string): number {
  return Array.from(value).length;
}

export function validateEmail(value: string): ValidationCode | undefined {
  if (value === '') return 'validation.required';
  if (!EMAIL_PATTERN.test(value)) return 'validation.invalid_email';
  return undefined;
}

export function validateNewPassword(value: string): ValidationCode | undefined {
  if (value === '') return 'validation.required';
  if (length(value) < PASSWORD_MIN) return 'validation.too_short';
  if (length(value) > PASSWORD_MAX) return 'validation.too_long';
  return undefined;
}

export function validateLoginPassword(value: string): ValidationCode | undefined {
  if (value === '') return 'validation.required';
  if (length(value) > PASSWORD_MAX) return 'validation.too_long';
  return undefined;
}

export function validateNickname(value: string): ValidationCode | undefined {
  if (value === '') return 'validation.required';
  if (length(value) < NICKNAME_MIN) return 'validation.too_short';
  if (length(value) > NICKNAME_MAX) return 'validation.too_long';
  if (!NICKNAME_PATTERN.test(value)) return 'validation.pattern';
  return undefined;
}
