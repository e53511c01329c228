import type { NeighbourhoodRead } from '../api/types';

/** Within this many days of expiry the member is invited to verify again. */
export const RENEW_WITHIN_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type NeighbourhoodState = 'valid' | 'expiring' | 'expired';

export function neighbourhoodState(neighbourhood: NeighbourhoodRead, now = Date.now()): NeighbourhoodState {
  const expires = new Date(neighbourhood.expires_at).getTime();
  if (neighbourhood.expired || expires <= now) return 'expired';
  return expires - now <= RENEW_WITHIN_DAYS * DAY_MS ? 'expiring' : 'valid';
}
