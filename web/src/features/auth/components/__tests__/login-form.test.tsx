import { http } from 'msw';
import { describe, expect, it } from 'vitest';

import { getAccessToken } from '@/lib/api-client';
import { createAccount } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { LoginForm } from '../login-form';

async function fillAndSubmit(user: ReturnType<typeof renderWithProviders>['user'], password: string) {
  await user.type(screen.getByLabelText('이메일'), 'bori@example.com');
  await user.type(screen.getByLabelText('비밀번호'), password);
  await user.click(screen.getByRole('button', { name: '로그인' }));
}

describe('LoginForm', () => {
  it('shows a form error for a wrong password and stays logged out', async () => {
    createAccount({ email: 'bori@example.com', password: 'correct-horse', nickname: '보리맘' });
    let succeeded = false;
    const { user } = renderWithProviders(
      <LoginForm
        onSuccess={() => {
          succeeded = true;
        }}
      />,
    );

    await fillAndSubmit(user, 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '이메일 또는 비밀번호가 올바르지 않아요.',
    );
    expect(succeeded).toBe(false);
    expect(getAccessToken()).toBeNull();
    expect(screen.getByRole('button', { name: '로그인' })).toBeEnabled();
  });

  it('logs in and keeps the access token in memory', async () => {
    createAccount({ email: 'bori@example.com', password: 'correct-horse', nickname: '보리맘' });
    let succeeded = false;
    const { user } = renderWithProviders(
      <LoginForm
        onSuccess={() => {
          succeeded = true;
        }}
      />,
    );

    await fillAndSubmit(user, 'correct-horse');

    await screen.findByRole('button', { name: '로그인' });
    expect(succeeded).toBe(true);
    expect(getAccessToken()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(window.localStorage.length).toBe(0);
  });

  it('explains a banned account', async () => {
    server.use(http.post('*/api/v1/auth/login', () => problem(403, 'identity.account_banned')));
    const { user } = renderWithProviders(<LoginForm onSuccess={() => undefined} />);

    await fillAndSubmit(user, 'whatever-123');

    expect(await screen.findByRole('alert')).toHaveTextContent('이용이 영구 제한된 계정이에요.');
  });

  it('requires both fields before calling the server', async () => {
    const { user } = renderWithProviders(<LoginForm onSuccess={() => undefined} />);

    await user.click(screen.getByRole('button', { name: '로그인' }));

    expect(screen.getByLabelText('이메일')).toHaveAccessibleDescription('이메일을 입력해 주세요.');
    expect(screen.getByLabelText('비밀번호')).toHaveAccessibleDescription('비밀번호를 입력해 주세요.');
  });
});
