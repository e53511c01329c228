import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { getAccessToken } from '@/lib/api-client';
import { db, seedSignedInMember } from '@/testing/mocks/db';
import { renderApp, screen } from '@/testing/test-utils';

describe('auth flow', () => {
  it('sends visitors without a session to /login', async () => {
    const { router } = renderApp('/me');

    expect(await screen.findByRole('heading', { level: 1, name: '로그인' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.queryByRole('navigation', { name: '주요 메뉴' })).not.toBeInTheDocument();
  });

  it('restores a session from the refresh cookie on load', async () => {
    seedSignedInMember({ nickname: '보리맘' });
    renderApp('/');

    expect(await screen.findByRole('heading', { name: '안녕하세요, 보리맘님!' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '홈' })).toHaveAttribute('aria-current', 'page');
  });

  it('signs up, logs in automatically and sends the new member to onboarding', async () => {
    db.profileNotFoundCalls = 1;
    const { user, router } = renderApp('/signup');
    await screen.findByRole('heading', { level: 1, name: '회원가입' });

    await user.type(screen.getByLabelText('이메일'), 'kong@example.com');
    await user.type(screen.getByLabelText('비밀번호'), 'long-enough');
    await user.type(screen.getByLabelText('닉네임'), '콩이아빠');
    await user.click(screen.getByRole('button', { name: '가입하기' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: '콩이아빠님, 반가워요!' }, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/onboarding');
  });

  it('shows the profile on 내정보 and logs out to /login', async () => {
    seedSignedInMember({ nickname: '보리맘', trustScore: 42 });
    const { user, router } = renderApp('/me');

    expect(await screen.findByText('보리맘')).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: '발도장' })).toHaveAttribute('aria-valuenow', '42');

    await user.click(screen.getByRole('button', { name: '로그아웃' }));

    expect(await screen.findByRole('heading', { level: 1, name: '로그인' })).toBeInTheDocument();
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/login');
    });
    expect(getAccessToken()).toBeNull();
    expect(db.refreshCookie).toBeNull();
  });

  it('sends members who are logged in away from /login', async () => {
    seedSignedInMember({ nickname: '보리맘' });
    const { router } = renderApp('/login');

    expect(await screen.findByRole('heading', { name: '안녕하세요, 보리맘님!' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('shows the 번개 calendar on its tab, no longer a coming-soon state', async () => {
    seedSignedInMember();
    renderApp('/meetups');

    expect(await screen.findByRole('heading', { level: 1, name: '번개' })).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: '번개 달력' })).toBeInTheDocument();
    expect(screen.queryByText('준비 중이에요')).not.toBeInTheDocument();
  });
});
