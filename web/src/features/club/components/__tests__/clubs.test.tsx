import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { clubState, makeClub } from '@/testing/mocks/club-handlers';
import { issueToken, seedSignedInMember } from '@/testing/mocks/db';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { ClubFinder } from '../club-finder';
import { UpcomingClubCard } from '../upcoming-card';

function signIn() {
  const me = seedSignedInMember({ nickname: '보리맘' });
  setAccessToken(issueToken(me.id).access_token);
}

const SCHEDULE = {
  id: 's1',
  club_id: 'c1',
  series_id: null,
  title: '토요 산책',
  starts_at: '2026-12-05T23:00:00Z',
  place_name: '한강공원',
  capacity: 10,
  rsvp_count: 3,
  i_rsvped: true,
};

describe('소모임', () => {
  it('lists my clubs with my role and the clubs found, with their next schedule', async () => {
    signIn();
    clubState.clubs = [
      makeClub({ title: '내 산책 모임', my_role: 'manager', my_status: 'active', next_schedule: SCHEDULE }),
      makeClub({ title: '훈련 모임', topic: 'training', member_count: 12 }),
    ];
    renderWithProviders(<ClubFinder regionCode="1111051500" />, { url: '/clubs' });

    const section = await screen.findByRole('region', { name: '내 소모임' });
    const mine = await within(section).findByRole('link', { name: /내 산책 모임/ });
    expect(mine).toHaveTextContent('매니저');
    expect(mine).toHaveTextContent('12월 6일');
    expect(mine).toHaveTextContent('한강공원');
    const found = await screen.findByRole('list', { name: '소모임 찾기' });
    expect(found).toHaveTextContent('훈련 모임');
    expect(found).toHaveTextContent('멤버 12명');
    expect(screen.queryByText('준비 중이에요')).not.toBeInTheDocument();
  });

  it('says so when no club matches', async () => {
    signIn();
    renderWithProviders(<ClubFinder regionCode={null} />, { url: '/clubs' });
    expect(await screen.findByText('조건에 맞는 소모임이 없어요.')).toBeInTheDocument();
    expect(await screen.findByText('아직 가입한 소모임이 없어요.')).toBeInTheDocument();
  });

  it('shows my clubs’ next schedule on 홈', async () => {
    signIn();
    clubState.upcoming = [{ club_id: 'c1', club_title: '한강 산책 모임', schedule: SCHEDULE }];
    renderWithProviders(<UpcomingClubCard />);
    const link = await screen.findByRole('link', { name: /한강 산책 모임/ });
    expect(link).toHaveTextContent('토요 산책');
    expect(link).toHaveAttribute('href', '/clubs/c1');
  });
});
