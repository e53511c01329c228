import { describe, expect, it } from 'vitest';

import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n';
import { seedSignedInMember } from '@/testing/mocks/db';
import { renderApp, screen } from '@/testing/test-utils';

describe('language switch', () => {
  it('starts in Korean', async () => {
    renderApp('/login');

    expect(await screen.findByRole('heading', { level: 1, name: '로그인' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ko');
  });

  it('switches to English, updates <html lang> and remembers the choice', async () => {
    const { user, unmount } = renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: '로그인' });

    await user.selectOptions(screen.getByRole('combobox', { name: '언어' }), 'en');

    expect(screen.getByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    unmount();
    renderApp('/login');
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
  });

  it('re-words errors already on screen and greets in English', async () => {
    seedSignedInMember({ nickname: '보리맘' });
    const { user } = renderApp('/');
    await screen.findByRole('heading', { name: '안녕하세요, 보리맘님!' });

    await user.selectOptions(screen.getByRole('combobox', { name: '언어' }), 'en');

    expect(screen.getByRole('heading', { name: 'Hello, 보리맘!' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Meetups' })).toBeInTheDocument();
  });

  it('shows field errors in English after switching', async () => {
    const { user } = renderApp('/signup');
    await screen.findByRole('heading', { level: 1, name: '회원가입' });

    await user.click(screen.getByRole('button', { name: '가입하기' }));
    expect(screen.getByText('닉네임을 입력해 주세요.')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: '언어' }), 'en');
    expect(screen.getByText('Please enter a nickname.')).toBeInTheDocument();
  });
});
