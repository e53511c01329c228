import { waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';

import { db, seedOtherMember, seedSignedInMember } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp, screen } from '@/testing/test-utils';

const DAY = 24 * 60 * 60 * 1000;

describe('계정 설정', () => {
  it('is linked from 내정보 and shows the login methods', async () => {
    const me = seedSignedInMember({ email: 'bori@example.com' });
    db.socialProviders.set(me.id, ['kakao']);
    const { user } = renderApp('/me');

    await user.click(await screen.findByRole('link', { name: '계정 설정' }));

    expect(await screen.findByRole('heading', { name: '계정 설정', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('bori@example.com')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '연결된 소셜 계정' })).getByText('카카오')).toBeInTheDocument();
    expect(screen.getByText('지금 닉네임을 바꿀 수 있어요.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '비밀번호 변경' })).toBeInTheDocument();
  });

  it('shows a taken nickname on the field, then changes it and refreshes the profile', async () => {
    seedSignedInMember({ nickname: '보리맘' });
    seedOtherMember('콩이아빠');
    const { user, queryClient } = renderApp('/me/account');

    const field = await screen.findByRole('textbox', { name: '닉네임' });
    await user.clear(field);
    await user.type(field, '콩이아빠');
    await user.click(screen.getByRole('button', { name: '닉네임 바꾸기' }));

    expect(await screen.findByText('이미 사용 중인 닉네임이에요.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');

    await user.clear(field);
    await user.type(field, 'a!');
    await user.click(screen.getByRole('button', { name: '닉네임 바꾸기' }));
    expect(await screen.findByText('닉네임에는 한글, 영문, 숫자, 밑줄(_)만 쓸 수 있어요.')).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, '보리누나');
    await user.click(screen.getByRole('button', { name: '닉네임 바꾸기' }));

    expect(await screen.findByRole('status')).toHaveTextContent('닉네임을 바꿨어요.');
    expect(await screen.findByText(/부터 다시 바꿀 수 있어요/)).toBeInTheDocument();
    expect(field).toBeDisabled();
    await waitFor(() => {
      expect(queryClient.getQueryData<{ nickname: string }>(['member', 'me'])?.nickname).toBe('보리누나');
    });
  });

  it('says when the nickname can change again', async () => {
    const me = seedSignedInMember();
    const allowedAt = new Date(Date.now() + 10 * DAY);
    db.nicknameChangeAllowedAt.set(me.id, allowedAt.toISOString());
    renderApp('/me/account');

    const date = new Intl.DateTimeFormat('ko', { dateStyle: 'long', timeStyle: 'short' }).format(allowedAt);
    expect(await screen.findByText(`닉네임은 ${date}부터 다시 바꿀 수 있어요.`)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '닉네임' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '닉네임 바꾸기' })).toBeDisabled();
  });

  it('shows the cooldown from Retry-After when the server refuses the change', async () => {
    seedSignedInMember({ nickname: '보리맘' });
    server.use(
      http.patch('*/api/v1/accounts/me/nickname', () =>
        problem(429, 'identity.nickname_cooldown', { headers: { 'Retry-After': String(3 * 86400) } }),
      ),
    );
    const { user } = renderApp('/me/account');

    const field = await screen.findByRole('textbox', { name: '닉네임' });
    await user.clear(field);
    await user.type(field, '보리누나');
    await user.click(screen.getByRole('button', { name: '닉네임 바꾸기' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /최근에 닉네임을 바꿨어요\. \d{4}년 .+부터 다시 바꿀 수 있어요\./,
    );
  });

  it('changes the password and says other devices are logged out', async () => {
    const me = seedSignedInMember({ password: 'correct-horse' });
    const { user } = renderApp('/me/account');

    await user.type(await screen.findByLabelText('현재 비밀번호'), 'wrong-horse');
    await user.type(screen.getByLabelText('새 비밀번호'), 'battery-staple');
    await user.click(screen.getByRole('button', { name: '비밀번호 바꾸기' }));
    expect(await screen.findByText('비밀번호가 올바르지 않아요.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('현재 비밀번호'));
    await user.type(screen.getByLabelText('현재 비밀번호'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: '비밀번호 바꾸기' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      '비밀번호를 바꿨어요. 다른 기기에서는 로그아웃돼요.',
    );
    expect(db.accounts.get(me.id)?.password).toBe('battery-staple');
    expect(screen.getByLabelText('현재 비밀번호')).toHaveValue('');
  });

  it('deletes a password account after confirming and leaves for /login', async () => {
    const me = seedSignedInMember({ password: 'correct-horse' });
    const { user, router } = renderApp('/me/account');

    await user.type(await screen.findByLabelText('비밀번호 확인'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: '회원 탈퇴' }));
    const dialog = screen.getByRole('alertdialog', { name: '정말 탈퇴할까요?' });
    await user.click(within(dialog).getByRole('button', { name: '탈퇴하기' }));

    expect(await screen.findByText('탈퇴가 완료됐어요. 그동안 멍모와 함께해 주셔서 고마워요.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(db.accounts.has(me.id)).toBe(false);
  });

  it('asks a social-only account to type 탈퇴', async () => {
    const me = seedSignedInMember({ email: '', password: '' });
    db.socialProviders.set(me.id, ['kakao']);
    const { user, router } = renderApp('/me/account');

    expect(await screen.findByText('이메일 없이 소셜 계정으로만 로그인해요')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '비밀번호 변경' })).not.toBeInTheDocument();

    const confirm = screen.getByRole('textbox', { name: '확인 문구' });
    await user.type(confirm, '탈퇴할래');
    await user.click(screen.getByRole('button', { name: '회원 탈퇴' }));
    expect(await screen.findByText('탈퇴하려면 ‘탈퇴’라고 정확히 입력해 주세요.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await user.clear(confirm);
    await user.type(confirm, '탈퇴');
    await user.click(screen.getByRole('button', { name: '회원 탈퇴' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '탈퇴하기' }));

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/login');
    });
    expect(db.accounts.has(me.id)).toBe(false);
  });
});
