import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { completeOnboarding, db, makeDog, seedSignedInMember } from '@/testing/mocks/db';
import { renderApp, screen } from '@/testing/test-utils';

const DAY = 24 * 60 * 60 * 1000;

describe('내정보', () => {
  it('shows the profile, dogs, neighbourhood and links to friends and blocks', async () => {
    seedSignedInMember({ nickname: '보리맘', trustScore: 42 });
    renderApp('/me');

    expect(await screen.findByText('보리맘')).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: '발도장' })).toHaveAttribute('aria-valuenow', '42');
    expect(screen.getByRole('link', { name: '프로필 수정' })).toHaveAttribute('href', '/me/edit');
    expect(await screen.findByText('말티즈 · 소형')).toBeInTheDocument();
    expect(screen.getByText('서울특별시 종로구 청운효자동')).toBeInTheDocument();
    expect(screen.getByText('인증됨')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '다시 인증' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '친구' })).toHaveAttribute('href', '/friends');
    expect(screen.getByRole('link', { name: '차단한 회원' })).toHaveAttribute('href', '/blocks');
  });

  it('offers 다시 인증 when the verification is about to expire', async () => {
    const account = seedSignedInMember();
    const profile = db.profiles.get(account.id)!;
    profile.neighbourhood = { ...profile.neighbourhood!, expires_at: new Date(Date.now() + 3 * DAY).toISOString() };
    renderApp('/me');

    expect(await screen.findByText('곧 만료')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '다시 인증' })).toHaveAttribute('href', '/me/neighbourhood');
  });

  it('deletes a dog after confirming', async () => {
    const account = seedSignedInMember();
    completeOnboarding(account.id, { dogs: [makeDog({ name: '보리' }), makeDog({ name: '두부', breed: 'poodle' })] });
    const { user } = renderApp('/me');

    await user.click(await screen.findByRole('button', { name: '두부 삭제' }));
    const dialog = screen.getByRole('alertdialog', { name: '두부 정보를 삭제할까요?' });
    await user.click(within(dialog).getByRole('button', { name: '삭제' }));

    expect(await screen.findByRole('button', { name: '보리 삭제' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '두부 삭제' })).not.toBeInTheDocument();
    expect(db.profiles.get(account.id)?.dogs.map((dog) => dog.name)).toEqual(['보리']);
  });

  it('edits the profile and comes back to 내정보', async () => {
    const account = seedSignedInMember();
    const { user, router } = renderApp('/me/edit');

    await user.click(await screen.findByRole('checkbox', { name: '내향적' }));
    await user.click(screen.getByRole('radio', { name: '밝히지 않음' }));
    await user.click(screen.getByRole('button', { name: '저장하기' }));

    expect(await screen.findByRole('link', { name: '프로필 수정' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/me');
    expect(db.profiles.get(account.id)).toMatchObject({ owner_traits: ['introverted', 'calm'], gender: 'undisclosed' });
  });
});
