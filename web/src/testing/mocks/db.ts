import type { BlockRead, FriendRead } from '@/features/friends/api/types';
import type { DogRead, MyProfile } from '@/features/member/api/types';
import type { Schemas } from '@/lib/api-client';

import { REGIONS } from './catalogue';

type Account = Schemas['AccountRead'] & { password: string };

export interface StoredMedia {
  id: string;
  ownerId: string;
}

/** In-memory state behind the MSW handlers; reset after every test. */
export const db = {
  accounts: new Map<string, Account>(),
  profiles: new Map<string, MyProfile>(),
  /** access token → account id */
  tokens: new Map<string, string>(),
  /** The account whose refresh cookie the "browser" holds. */
  refreshCookie: null as string | null,
  /** How many GET /members/me calls answer 404 before the profile shows up. */
  profileNotFoundCalls: 0,
  tokenCounter: 0,
  /** Accounts whose tokens carry the `onb` claim. */
  onboardedClaims: new Set<string>(),
  /** Refreshes that still lack `onb` after onboarding completes (identity hears it late). */
  onbClaimDelay: 0,
  /** account id → refreshes left before its tokens carry `onb`. */
  pendingOnbClaims: new Map<string, number>(),
  /** member id → friend ids (both directions are stored). */
  friends: new Map<string, Map<string, string>>(),
  /** blocker id → blocked id → when. */
  blocks: new Map<string, Map<string, string>>(),
  media: new Map<string, StoredMedia>(),
  uploadLimitBytes: 1024 * 1024,
  /** account id → when its nickname may change again (absent: now). */
  nicknameChangeAllowedAt: new Map<string, string>(),
  /** account id → linked social providers. */
  socialProviders: new Map<string, string[]>(),
  /** account id → granted roles (every account is also a member). */
  grantedRoles: new Map<string, string[]>(),
};

export function resetDb(): void {
  db.accounts.clear();
  db.profiles.clear();
  db.tokens.clear();
  db.refreshCookie = null;
  db.profileNotFoundCalls = 0;
  db.tokenCounter = 0;
  db.onboardedClaims.clear();
  db.onbClaimDelay = 0;
  db.pendingOnbClaims.clear();
  db.friends.clear();
  db.blocks.clear();
  db.media.clear();
  db.uploadLimitBytes = 1024 * 1024;
  db.nicknameChangeAllowedAt.clear();
  db.socialProviders.clear();
  db.grantedRoles.clear();
}

let idCounter = 0;
export function nextId(): string {
  idCounter += 1;
  return `00000000-0000-4000-8000-${idCounter.toString().padStart(12, '0')}`;
}

const JOINED = new Date('2025-03-01T09:00:00Z').toISOString();

function pendingProfile(id: string, nickname: string, trustScore: number): MyProfile {
  return {
    id,
    nickname,
    trust_score: trustScore,
    onboarding_status: 'pending',
    created_at: JOINED,
    birth_year: null,
    gender: null,
    age_public: false,
    gender_public: false,
    photo_media_id: null,
    photo_url: null,
    photo_thumbnail_url: null,
    owner_traits: [],
    dogs: [],
    neighbourhood: null,
    onboarding: { traits: false, dog: false, neighbourhood: false, completed: false },
  };
}

export function createAccount(input: {
  email: string;
  password: string;
  nickname: string;
  trustScore?: number;
}): Account {
  const account: Account = {
    id: nextId(),
    email: input.email,
    password: input.password,
    nickname: input.nickname,
    created_at: JOINED,
  };
  db.accounts.set(account.id, account);
  db.profiles.set(account.id, pendingProfile(account.id, input.nickname, input.trustScore ?? 30));
  return account;
}

function base64Url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A JWT-shaped token (unsigned: the mock server only looks it up). */
export function issueToken(accountId: string): Schemas['TokenRead'] {
  db.tokenCounter += 1;
  const claims: Record<string, unknown> = {
    sub: accountId,
    sid: `s${db.tokenCounter}`,
    roles: ['member', ...(db.grantedRoles.get(accountId) ?? [])],
  };
  if (db.onboardedClaims.has(accountId)) claims.onb = true;
  const accessToken = `${base64Url({ alg: 'none' })}.${base64Url(claims)}.sig${db.tokenCounter}`;
  db.tokens.set(accessToken, accountId);
  return { access_token: accessToken, token_type: 'bearer', expires_in: 900, account_id: accountId };
}

/** Recomputes the onboarding flags the way the back end does. */
export function refreshOnboarding(profile: MyProfile, now = Date.now()): void {
  const neighbourhood =
    profile.neighbourhood !== null && new Date(profile.neighbourhood.expires_at).getTime() > now;
  const flags = {
    traits: profile.owner_traits.length > 0,
    dog: profile.dogs.some((dog) => dog.traits.length > 0),
    neighbourhood,
  };
  const completed = flags.traits && flags.dog && flags.neighbourhood;
  profile.onboarding = { ...flags, completed };
  if (completed) profile.onboarding_status = 'completed';
}

export function makeDog(overrides: Partial<DogRead> = {}): DogRead {
  return {
    id: nextId(),
    name: '보리',
    breed: 'maltese',
    size: 'small',
    photo_media_id: null,
    photo_url: null,
    photo_thumbnail_url: null,
    traits: ['playful'],
    muzzle: false,
    barks: true,
    mounts: false,
    energy_level: 4,
    play_style: 'chase',
    vaccinated: true,
    registered: true,
    public_fields: ['name', 'breed', 'size', 'photo', 'traits', 'energy_level', 'play_style'],
    created_at: JOINED,
    ...overrides,
  };
}

const DAY = 24 * 60 * 60 * 1000;

/** Fills in traits, a dog and a fresh neighbourhood, and puts `onb` in future tokens. */
export function completeOnboarding(accountId: string, overrides: Partial<MyProfile> = {}): MyProfile {
  const profile = db.profiles.get(accountId);
  if (profile === undefined) throw new Error(`no profile ${accountId}`);
  const region = REGIONS[0]!;
  const now = Date.now();
  Object.assign(profile, {
    owner_traits: ['calm'],
    dogs: [makeDog()],
    neighbourhood: {
      code: region.code,
      name: region.name,
      full_name: region.full_name,
      verified_at: new Date(now - DAY).toISOString(),
      expires_at: new Date(now + 29 * DAY).toISOString(),
      expired: false,
    },
    ...overrides,
  });
  refreshOnboarding(profile);
  if (profile.onboarding.completed) db.onboardedClaims.add(accountId);
  return profile;
}

/**
 * Seeds an account and a refresh cookie, as if the member had logged in before.
 * Onboarded unless `onboarded: false`.
 */
export function seedSignedInMember(
  input: { email?: string; password?: string; nickname?: string; trustScore?: number; onboarded?: boolean } = {},
): Account {
  const account = createAccount({
    email: input.email ?? 'bori@example.com',
    password: input.password ?? 'correct-horse',
    nickname: input.nickname ?? '보리맘',
    ...(input.trustScore === undefined ? {} : { trustScore: input.trustScore }),
  });
  if (input.onboarded ?? true) completeOnboarding(account.id);
  db.refreshCookie = account.id;
  return account;
}

/** Another member (not signed in), onboarded, for cards and friend lists. */
export function seedOtherMember(nickname: string, overrides: Partial<MyProfile> = {}): MyProfile {
  const account = createAccount({
    email: `${encodeURIComponent(nickname)}-${nextId()}@example.com`,
    password: 'other-password',
    nickname,
  });
  return completeOnboarding(account.id, overrides);
}

function relation(map: Map<string, Map<string, string>>, id: string): Map<string, string> {
  let entry = map.get(id);
  if (entry === undefined) {
    entry = new Map();
    map.set(id, entry);
  }
  return entry;
}

export function befriend(a: string, b: string, when = JOINED): void {
  relation(db.friends, a).set(b, when);
  relation(db.friends, b).set(a, when);
}

export function unfriend(a: string, b: string): void {
  relation(db.friends, a).delete(b);
  relation(db.friends, b).delete(a);
}

export function block(blocker: string, blocked: string, when = JOINED): void {
  relation(db.blocks, blocker).set(blocked, when);
  unfriend(blocker, blocked);
}

export function friendsOf(id: string): FriendRead[] {
  return [...relation(db.friends, id).entries()].flatMap(([friendId, since]) => {
    const friend = db.profiles.get(friendId);
    if (friend === undefined) return [];
    return [
      {
        member_id: friend.id,
        nickname: friend.nickname,
        photo_url: friend.photo_url,
        photo_thumbnail_url: friend.photo_thumbnail_url,
        trust_score: friend.trust_score,
        since,
      },
    ];
  });
}

export function blocksOf(id: string): BlockRead[] {
  return [...relation(db.blocks, id).entries()].flatMap(([blockedId, when]) => {
    const blocked = db.profiles.get(blockedId);
    if (blocked === undefined) return [];
    return [
      {
        member_id: blocked.id,
        nickname: blocked.nickname,
        photo_url: blocked.photo_url,
        photo_thumbnail_url: blocked.photo_thumbnail_url,
        blocked_at: when,
      },
    ];
  });
}

export function isFriend(a: string, b: string): boolean {
  return relation(db.friends, a).has(b);
}

export function hasBlocked(blocker: string, blocked: string): boolean {
  return relation(db.blocks, blocker).has(blocked);
}
