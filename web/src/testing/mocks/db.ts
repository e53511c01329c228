import type { Schemas } from '@/lib/api-client';

type Account = Schemas['AccountRead'] & { password: string };
type Profile = Schemas['MyProfileRead'];

/** In-memory state behind the MSW handlers; reset after every test. */
export const db = {
  accounts: new Map<string, Account>(),
  profiles: new Map<string, Profile>(),
  /** access token → account id */
  tokens: new Map<string, string>(),
  /** The account whose refresh cookie the "browser" holds. */
  refreshCookie: null as string | null,
  /** How many GET /members/me calls answer 404 before the profile shows up. */
  profileNotFoundCalls: 0,
  tokenCounter: 0,
};

export function resetDb(): void {
  db.accounts.clear();
  db.profiles.clear();
  db.tokens.clear();
  db.refreshCookie = null;
  db.profileNotFoundCalls = 0;
  db.tokenCounter = 0;
}

let idCounter = 0;
function nextId(): string {
  idCounter += 1;
  return `00000000-0000-4000-8000-${idCounter.toString().padStart(12, '0')}`;
}

export function createAccount(input: {
  email: string;
  password: string;
  nickname: string;
  trustScore?: number;
}): Account {
  const now = new Date('2025-03-01T09:00:00Z').toISOString();
  const account: Account = {
    id: nextId(),
    email: input.email,
    password: input.password,
    nickname: input.nickname,
    created_at: now,
  };
  db.accounts.set(account.id, account);
  db.profiles.set(account.id, {
    id: account.id,
    nickname: input.nickname,
    trust_score: input.trustScore ?? 30,
    onboarding_status: 'pending',
    created_at: now,
  });
  return account;
}

export function issueToken(accountId: string): Schemas['TokenRead'] {
  db.tokenCounter += 1;
  const accessToken = `token-${db.tokenCounter}`;
  db.tokens.set(accessToken, accountId);
  return { access_token: accessToken, token_type: 'bearer', expires_in: 900, account_id: accountId };
}

/** Seeds an account and a refresh cookie, as if the member had logged in before. */
export function seedSignedInMember(
  input: { email?: string; password?: string; nickname?: string; trustScore?: number } = {},
): Account {
  const account = createAccount({
    email: input.email ?? 'bori@example.com',
    password: input.password ?? 'correct-horse',
    nickname: input.nickname ?? '보리맘',
    ...(input.trustScore === undefined ? {} : { trustScore: input.trustScore }),
  });
  db.refreshCookie = account.id;
  return account;
}
