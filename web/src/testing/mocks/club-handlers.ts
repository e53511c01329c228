import { http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api-client';

import { requireMember } from './auth-helpers';

type Club = Schemas['ClubRead'];
type Upcoming = Schemas['UpcomingSchedule'];

/** The club API's data in the tests; reset after every test. */
export const clubState = {
  clubs: [] as Club[],
  upcoming: [] as Upcoming[],
};

export function resetClubs(): void {
  clubState.clubs = [];
  clubState.upcoming = [];
}

export function makeClub(overrides: Partial<Club> = {}): Club {
  return {
    id: crypto.randomUUID(),
    title: '한강 산책 모임',
    text: '주말 아침마다 걸어요.',
    topic: 'walk',
    region_code: '1111051500',
    region_name: '서울특별시 종로구 청운효자동',
    join_mode: 'open',
    cover_url: null,
    owner_id: crypto.randomUUID(),
    member_count: 3,
    next_schedule: null,
    my_role: null,
    my_status: null,
    created_at: '2026-12-01T00:00:00Z',
    ...overrides,
  };
}

export const clubHandlers = [
  http.get('*/api/v1/clubs/mine/upcoming', ({ request }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    return HttpResponse.json({ items: clubState.upcoming, next_cursor: null });
  }),
  http.get('*/api/v1/clubs/mine', ({ request }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    return HttpResponse.json({ items: clubState.clubs.filter((c) => c.my_status !== null), next_cursor: null });
  }),
  http.get('*/api/v1/clubs', ({ request }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    const topic = new URL(request.url).searchParams.get('topic');
    const items = clubState.clubs.filter((c) => topic === null || c.topic === topic);
    return HttpResponse.json({ items, next_cursor: null });
  }),
];
