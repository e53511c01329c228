import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { createAccount, db, issueToken } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { Greeting } from '../greeting';

function signIn(nickname = '보리맘') {
  const account = createAccount({ email: 'bori@example.com', password: 'correct-horse', nickname });
  setAccessToken(issueToken(account.id).access_token);
  return account;
}

describe('Greeting', () => {
  it('greets the member by nickname', async () => {
    signIn('보리맘');
    renderWithProviders(<Greeting />);

    expect(
      await screen.findByRole('heading', { level: 1, name: '안녕하세요, 보리맘님!' }),
    ).toBeInTheDocument();
  });

  it('waits while the new profile is still being created (404 member.not_found)', async () => {
    signIn('콩이아빠');
    db.profileNotFoundCalls = 2;
    renderWithProviders(<Greeting />);

    expect(await screen.findByText('회원 정보를 준비하고 있어요. 잠시만 기다려 주세요…')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: '안녕하세요, 콩이아빠님!' }, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(db.profileNotFoundCalls).toBe(0);
  });

  it('shows an error state with a retry button when loading fails', async () => {
    signIn('보리맘');
    let calls = 0;
    server.use(
      http.get('*/api/v1/members/me', () => {
        calls += 1;
        return calls <= 3
          ? problem(503, 'service_unavailable', { detail: 'Try later' })
          : HttpResponse.json(db.profiles.values().next().value);
      }),
    );
    const { user } = renderWithProviders(<Greeting />);

    expect(await screen.findByText('회원 정보를 불러오지 못했어요', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('Try later')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '다시 시도' }));

    expect(await screen.findByRole('heading', { name: '안녕하세요, 보리맘님!' })).toBeInTheDocument();
  });
});
