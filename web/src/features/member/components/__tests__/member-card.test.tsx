import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { issueToken, makeDog, seedOtherMember, seedSignedInMember } from '@/testing/mocks/db';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { MemberCard } from '../card/member-card';

function signIn() {
  const me = seedSignedInMember({ nickname: '보리맘' });
  setAccessToken(issueToken(me.id).access_token);
  return me;
}

describe('MemberCard', () => {
  it('shows only what the member made public', async () => {
    signIn();
    const other = seedOtherMember('콩이아빠', {
      birth_year: 1988,
      age_public: false,
      gender: 'male',
      gender_public: true,
      owner_traits: ['outgoing', 'early_bird'],
      dogs: [
        makeDog({
          name: '콩이',
          breed: 'jindo',
          size: 'medium',
          muzzle: true,
          barks: true,
          vaccinated: true,
          registered: false,
          energy_level: 5,
          // Size, barking and health records kept private; muzzle and registration shown.
          public_fields: ['name', 'breed', 'muzzle', 'registered', 'energy_level', 'traits'],
        }),
        makeDog({ name: '비밀이', public_fields: ['size'] }),
      ],
    });
    renderWithProviders(<MemberCard memberId={other.id} />);

    expect(await screen.findByRole('heading', { level: 1, name: '콩이아빠' })).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: '발도장' })).toHaveAttribute('aria-valuenow', '30');
    expect(screen.getByText('남성')).toBeInTheDocument();
    expect(screen.queryByText(/1988/)).not.toBeInTheDocument();
    expect(screen.getByText('청운효자동')).toBeInTheDocument();
    const ownerTraits = await screen.findByRole('list', { name: '보호자 성향' });
    expect(within(ownerTraits).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['적극적', '아침형']);

    const kong = screen.getByRole('article', { name: '콩이' });
    expect(await within(kong).findByText('진돗개')).toBeInTheDocument();
    expect(within(kong).queryByText(/중형/)).not.toBeInTheDocument();
    const badges = within(kong).getByRole('list', { name: '콩이의 특징' });
    expect(within(badges).getByText('입마개 착용')).toBeInTheDocument();
    expect(within(badges).getByText('동물등록 안 함')).toBeInTheDocument();
    expect(within(badges).queryByText(/짖어요/)).not.toBeInTheDocument();
    expect(within(badges).queryByText(/예방접종/)).not.toBeInTheDocument();
    expect(within(kong).getByText('5 / 5')).toBeInTheDocument();
    expect(within(kong).getByRole('list', { name: '콩이의 성향' })).toHaveTextContent('활발함');

    const hidden = screen.getByRole('article', { name: '이름 비공개' });
    expect(within(hidden).getByText('소형')).toBeInTheDocument();
    expect(within(hidden).queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows a not-found state for a member who cannot be shown', async () => {
    signIn();
    renderWithProviders(<MemberCard memberId="00000000-0000-4000-8000-999999999999" />);

    expect(await screen.findByRole('heading', { name: '회원을 찾을 수 없어요' })).toBeInTheDocument();
  });
});
