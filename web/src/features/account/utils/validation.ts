/**
 * Client-side checks mirroring the server's NicknameUpdate and PasswordChange
 * rules; they return the server's error codes so one set of translations serves both.
 */

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
const NICKNAME_PATTERN = /^[0-9A-Za-z_가-힣]+$/;

export type ValidationCode =
  | 'validation.required'
  | 'validation.too_short'
  | 'validation.too_long'
  | 'validation.pattern';

/** Length in code points, as the server (Python) counts it. */
function length(value: string): number {
  return Array.from(value).length;
}

export function validateNickname(value: string): ValidationCode | undefined {
  if (value === '') return 'validation.required';
  if (length(value) < NICKNAME_MIN) return 'validation.too_short';
  if (length(value) > NICKNAME_MAX) return 'validation.too_long';
  if (!NICKNAME_PATTERN.test(value)) return 'validation.pattern';
  return undefined;
}

export function validateCurrentPassword(value: string): ValidationCode | undefined {
  if (value === '') return 'validation.required';
  if (length(value) > PASSWORD_MAX) return 'validation.too_long';
  return undefined;
}

export function validateNewPassword(value: string): ValidationCode | undefined {
  if (value === '') return 'validation.required';
  if (length(value) < PASSWORD_MIN) return 'validation.too_short';
  if (length(value) > PASSWORD_MAX) return 'validation.too_long';
  return undefined;
}
