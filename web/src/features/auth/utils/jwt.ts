/**
 * Reads a JWT's payload without checking the signature: the client only uses it
 * to see which claims the server put in (the server verifies every request).
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (part === undefined || part === '') return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
    const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Whether the token carries the `onb` claim (the member finished onboarding). */
export function isOnboardedToken(token: string | null | undefined): boolean {
  if (token === null || token === undefined) return false;
  return decodeJwtPayload(token)?.onb === true;
}

/** Whether the token's `roles` claim holds `role` (e.g. `admin`); the server checks again. */
export function tokenHasRole(token: string | null | undefined, role: string): boolean {
  if (token === null || token === undefined) return false;
  const roles = decodeJwtPayload(token)?.roles;
  return Array.isArray(roles) && roles.includes(role);
}
