import { describe, expect, it } from 'vitest';

import { isApiProblem } from '@/lib/problem';
import { db, seedSignedInMember } from '@/testing/mocks/db';

import { decodeJwtPayload, isOnboardedToken } from '../../utils/jwt';
import { ONBOARDING_NOT_CONFIRMED, refreshUntilOnboarded } from '../refresh-until-onboarded';

const noWait = () => 0;

describe('refreshUntilOnboarded', () => {
  it('refreshes until the token carries onb', async () => {
    const account = seedSignedInMember({ onboarded: false });
    db.pendingOnbClaims.set(account.id, 2);

    const session = await refreshUntilOnboarded(5, noWait);

    expect(isOnboardedToken(session?.access_token)).toBe(true);
    expect(db.tokenCounter).toBe(3);
  });

  it('gives up after a bounded number of tries', async () => {
    seedSignedInMember({ onboarded: false });

    const failure: unknown = await refreshUntilOnboarded(3, noWait).catch((error: unknown) => error);

    expect(isApiProblem(failure) && failure.code).toBe(ONBOARDING_NOT_CONFIRMED);
    expect(db.tokenCounter).toBe(3);
  });

  it('resolves to null when the session is gone', async () => {
    expect(await refreshUntilOnboarded(3, noWait)).toBeNull();
  });
});

describe('decodeJwtPayload', () => {
  it('reads base64url payloads and rejects garbage', () => {
    const payload = btoa(JSON.stringify({ sub: 'x', onb: true })).replace(/=+$/, '');
    expect(decodeJwtPayload(`h.${payload}.s`)).toEqual({ sub: 'x', onb: true });
    expect(decodeJwtPayload('not-a-token')).toBeNull();
    expect(decodeJwtPayload('a.%%%.c')).toBeNull();
    expect(isOnboardedToken(null)).toBe(false);
  });
});
