import { http, HttpResponse } from 'msw';

import type { DogCard, DogCreate, DogRead, MemberCard, MyProfile, ProfileUpdate } from '@/features/member/api/types';

import { requireAccount, requireMember } from './auth-helpers';
import { BREEDS, DOG_TRAITS, matches, OWNER_TRAITS, REGIONS } from './catalogue';
import { db, hasBlocked, isFriend, makeDog, refreshOnboarding } from './db';
import { problem } from './handlers';

const DAY = 24 * 60 * 60 * 1000;
const TOLERANCE_KM = 3;

function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

function mediaUrls(mediaId: string | null) {
  return {
    photo_url: mediaId === null ? null : `/api/v1/media/${mediaId}/file`,
    photo_thumbnail_url: mediaId === null ? null : `/api/v1/media/${mediaId}/thumbnail`,
  };
}

function ownsMedia(ownerId: string, mediaId: string | null | undefined): boolean {
  return mediaId === null || mediaId === undefined || db.media.get(mediaId)?.ownerId === ownerId;
}

/** Public fields only: private ones are left out of the JSON entirely. */
export function toCard(profile: MyProfile, viewerId: string): MemberCard {
  const dogs: DogCard[] = profile.dogs.map((dog) => {
    const card: DogCard = { id: dog.id };
    for (const field of dog.public_fields) {
      if (field === 'photo') Object.assign(card, mediaUrls(dog.photo_media_id));
      else Object.assign(card, { [field]: dog[field] });
    }
    return card;
  });
  return {
    id: profile.id,
    nickname: profile.nickname,
    photo_url: profile.photo_url,
    photo_thumbnail_url: profile.photo_thumbnail_url,
    trust_score: profile.trust_score,
    ...(profile.age_public && profile.birth_year !== null ? { birth_year: profile.birth_year } : {}),
    ...(profile.gender_public && profile.gender !== null ? { gender: profile.gender } : {}),
    owner_traits: profile.owner_traits,
    dogs,
    neighbourhood:
      profile.neighbourhood === null
        ? null
        : {
            name: profile.neighbourhood.name,
            full_name: profile.neighbourhood.full_name,
            verified: !profile.neighbourhood.expired,
          },
    relationship: { is_friend: isFriend(viewerId, profile.id), blocked_by_me: hasBlocked(viewerId, profile.id) },
  };
}

function myProfile(id: string): MyProfile {
  const profile = db.profiles.get(id);
  if (profile === undefined) throw new Error(`no profile ${id}`);
  return profile;
}

function dogFrom(body: DogCreate, existing?: DogRead): DogRead | null {
  const base = existing ?? makeDog();
  const dog: DogRead = { ...base, ...body };
  if (dog.name.trim() === '' || !BREEDS.some((breed) => breed.code === dog.breed)) return null;
  return { ...dog, ...mediaUrls(dog.photo_media_id) };
}

export const memberHandlers = [
  http.get('*/api/v1/traits', () => HttpResponse.json({ owner: OWNER_TRAITS, dog: DOG_TRAITS })),

  http.get('*/api/v1/breeds', ({ request }) => {
    const query = new URL(request.url).searchParams.get('q') ?? '';
    return HttpResponse.json(BREEDS.filter((breed) => matches(breed, query)));
  }),

  http.get('*/api/v1/regions', ({ request }) => {
    const query = (new URL(request.url).searchParams.get('q') ?? '').trim();
    const found = REGIONS.filter((region) => query !== '' && region.full_name.includes(query));
    return HttpResponse.json(found.map(({ code, name, full_name }) => ({ code, name, full_name })));
  }),

  http.patch('*/api/v1/members/me', async ({ request }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    const body = (await request.json()) as ProfileUpdate;
    if (body.owner_traits?.length === 0) {
      return problem(422, 'validation.failed', {
        errors: [{ field: 'owner_traits', code: 'validation.too_short', message: 'Too short' }],
      });
    }
    if (!ownsMedia(account.id, body.photo_media_id)) return problem(422, 'member.photo_not_found');
    const profile = myProfile(account.id);
    Object.assign(profile, body);
    if ('photo_media_id' in body) Object.assign(profile, mediaUrls(profile.photo_media_id));
    refreshOnboarding(profile);
    return HttpResponse.json(profile);
  }),

  http.post('*/api/v1/members/me/dogs', async ({ request }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    const body = (await request.json()) as DogCreate;
    if (!ownsMedia(account.id, body.photo_media_id)) return problem(422, 'member.photo_not_found');
    const dog = dogFrom(body);
    if (dog === null) return problem(422, 'validation.failed');
    const profile = myProfile(account.id);
    profile.dogs.push(dog);
    refreshOnboarding(profile);
    return HttpResponse.json(dog, { status: 201 });
  }),

  http.patch('*/api/v1/members/me/dogs/:dogId', async ({ request, params }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    const profile = myProfile(account.id);
    const index = profile.dogs.findIndex((dog) => dog.id === params.dogId);
    const existing = profile.dogs[index];
    if (existing === undefined) return problem(404, 'member.dog_not_found');
    const dog = dogFrom((await request.json()) as DogCreate, existing);
    if (dog === null) return problem(422, 'validation.failed');
    profile.dogs[index] = dog;
    refreshOnboarding(profile);
    return HttpResponse.json(dog);
  }),

  http.delete('*/api/v1/members/me/dogs/:dogId', ({ request, params }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    const profile = myProfile(account.id);
    if (!profile.dogs.some((dog) => dog.id === params.dogId)) return problem(404, 'member.dog_not_found');
    profile.dogs = profile.dogs.filter((dog) => dog.id !== params.dogId);
    refreshOnboarding(profile);
    return new HttpResponse(null, { status: 204 });
  }),

  http.post('*/api/v1/members/me/neighbourhood', async ({ request }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    const claim = (await request.json()) as { region_code: string; latitude: number; longitude: number };
    const region = REGIONS.find((candidate) => candidate.code === claim.region_code);
    if (region === undefined) return problem(422, 'member.region_not_found');
    if (distanceKm(claim.latitude, claim.longitude, region.latitude, region.longitude) > TOLERANCE_KM) {
      return problem(422, 'member.position_outside_region');
    }
    const profile = myProfile(account.id);
    const now = Date.now();
    profile.neighbourhood = {
      code: region.code,
      name: region.name,
      full_name: region.full_name,
      verified_at: new Date(now).toISOString(),
      expires_at: new Date(now + 30 * DAY).toISOString(),
      expired: false,
    };
    refreshOnboarding(profile);
    if (profile.onboarding.completed) db.pendingOnbClaims.set(account.id, db.onbClaimDelay);
    return HttpResponse.json(profile.neighbourhood);
  }),

  http.get('*/api/v1/members/:memberId', ({ request, params }) => {
    const viewer = requireMember(request);
    if ('error' in viewer) return viewer.error;
    const memberId = String(params.memberId);
    const profile = db.profiles.get(memberId);
    if (profile === undefined || hasBlocked(memberId, viewer.id)) {
      return problem(404, 'member.not_found', { title: 'No such member' });
    }
    return HttpResponse.json(toCard(profile, viewer.id));
  }),
];
