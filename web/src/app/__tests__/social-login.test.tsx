import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { getAccessToken } from '@/lib/api-client';
import { completeOnboarding, createAccount, db } from '@/testing/mocks/db';
import { oauth } from '@/testing/mocks/oauth-handlers';
import { renderApp, screen } from '@/testing/test-utils';

function seedTicket(next = '/friends'): string {
  const account = createAccount({ email: 'bori@example.com', password: 'correct-horse', nickname: '보리맘' });
  completeOnboarding(account.id);
  oauth.tickets.set('good-ticket', { accountId: account.id, provider: 'kakao', providerName: '카카오', next });
  return account.id;
}

describe('social login buttons', () => {
  it('shows buttons only for the providers the server returns', async () => {
    oauth.providers = [
      { id: 'kakao', name: '카카오' },
      { id: 'google', name: 'Google' },
    ];
    renderApp('/login');

    const kakao = await screen.findByRole('link', { name: '카카오로 계속하기' });
    expect(kakao).toHaveAttribute('href', '/api/v1/auth/kakao/start?next=/');
    expect(screen.getByRole('link', { name: 'Google로 계속하기' })).toHaveAttribute(
      'href',
      '/api/v1/auth/google/start?next=/',
    );
    expect(screen.queryByRole('link', { name: '네이버로 계속하기' })).not.toBeInTheDocument();
    expect(screen.getByText('또는')).toBeInTheDocument();
  });

  it('shows them on the sign-up page too', async () => {
    oauth.providers = [{ id: 'naver', name: '네이버' }];
    renderApp('/signup');

    expect(await screen.findByRole('link', { name: '네이버로 계속하기' })).toHaveAttribute(
      'href',
      '/api/v1/auth/naver/start?next=/',
    );
    expect(screen.queryByRole('link', { name: '카카오로 계속하기' })).not.toBeInTheDocument();
  });

  it('shows no buttons and no divider when no provider is enabled', async () => {
    renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: '로그인' });
    // Let the providers request settle.
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(screen.queryByRole('link', { name: /계속하기/ })).not.toBeInTheDocument();
    expect(screen.queryByText('또는')).not.toBeInTheDocument();
  });
});

describe('/auth/link', () => {
  it('links with the password, logs in and goes to next', async () => {
    const accountId = seedTicket('/friends');
    const { user, router } = renderApp('/auth/link?ticket=good-ticket');

    expect(await screen.findByRole('heading', { level: 1, name: '계정 연결' })).toBeInTheDocument();
    expect(screen.getByText(/b\*\*\*@example\.com 이메일로 가입된 멍모 계정이 이미 있어요/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('비밀번호'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: '연결하고 로그인' }));

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/friends');
    });
    expect(getAccessToken()).not.toBeNull();
    expect(db.refreshCookie).toBe(accountId);
    expect(db.socialProviders.get(accountId)).toEqual(['kakao']);
  });

  it('never follows a next that leaves the site', async () => {
    seedTicket('//evil.example/steal');
    const { user, router } = renderApp('/auth/link?ticket=good-ticket');

    await user.type(await screen.findByLabelText('비밀번호'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: '연결하고 로그인' }));

    await waitFor(() => {
      expect(getAccessToken()).not.toBeNull();
    });
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/');
    });
  });

  it('shows a wrong password next to the password field', async () => {
    seedTicket();
    const { user, router } = renderApp('/auth/link?ticket=good-ticket');

    await user.type(await screen.findByLabelText('비밀번호'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: '연결하고 로그인' }));

    await waitFor(() => {
      expect(screen.getByLabelText('비밀번호')).toHaveAccessibleDescription('비밀번호가 올바르지 않아요.');
    });
    expect(screen.getByLabelText('비밀번호')).toHaveAttribute('aria-invalid', 'true');
    expect(getAccessToken()).toBeNull();
    expect(router.state.location.pathname).toBe('/auth/link');
  });

  it('shows an error state with a way back to /login for a bad ticket', async () => {
    const { user, router } = renderApp('/auth/link?ticket=expired');

    expect(await screen.findByRole('alert')).toHaveTextContent('연결 요청이 만료됐어요');
    expect(screen.queryByLabelText('비밀번호')).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: '로그인 화면으로 돌아가기' }));
    expect(await screen.findByRole('heading', { level: 1, name: '로그인' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('shows the error state without asking the server when the ticket is missing', async () => {
    renderApp('/auth/link');

    expect(await screen.findByRole('alert')).toHaveTextContent('연결 요청이 만료됐어요');
  });
});
