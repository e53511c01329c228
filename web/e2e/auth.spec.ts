import { expect, test } from '@playwright/test';

import { newMember, screenshot } from './support';

test('visitors without a session land on the login page', async ({ page }) => {
  await page.goto('/me');

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: '로그인' })).toBeVisible();
  await screenshot(page, 'login');
});

test('sign up, onboarding first, log out and log in again', async ({ page }) => {
  const member = newMember();

  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1, name: '회원가입' })).toBeVisible();
  await screenshot(page, 'signup');

  await page.getByLabel('이메일').fill(member.email);
  await page.getByLabel('비밀번호').fill(member.password);
  await page.getByLabel('닉네임').fill(member.nickname);
  await page.getByRole('button', { name: '가입하기' }).click();

  // Logged in automatically; a new member starts with onboarding (the profile may take a moment).
  const welcome = page.getByRole('heading', { level: 1, name: `${member.nickname}님, 반가워요!` });
  await expect(welcome).toBeVisible();
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.getByRole('button', { name: '다른 계정으로 로그인' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.getByLabel('이메일').fill(member.email);
  await page.getByLabel('비밀번호').fill('wrong-password');
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('alert')).toHaveText('이메일 또는 비밀번호가 올바르지 않아요.');
  await screenshot(page, 'login-error');

  await page.getByLabel('비밀번호').fill(member.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(welcome).toBeVisible();

  // A reload keeps the member signed in through the refresh cookie.
  await page.reload();
  await expect(welcome).toBeVisible();
});
