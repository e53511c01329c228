import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { expect, test, type Page } from '@playwright/test';

const screenshotDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

/** A member unique to this run (nickname: 2–20 Korean/English letters, digits, _). */
function newMember() {
  const suffix = `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1000).toString(36)}`;
  return {
    email: `e2e-${suffix}@example.com`,
    password: 'walkies-1234',
    nickname: `멍멍${suffix}`,
  };
}

test('visitors without a session land on the login page', async ({ page }) => {
  await page.goto('/me');

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: '로그인' })).toBeVisible();
  await screenshot(page, 'login');
});

test('sign up, greeting, log out and log in again', async ({ page }) => {
  const member = newMember();

  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1, name: '회원가입' })).toBeVisible();
  await screenshot(page, 'signup');

  await page.getByLabel('이메일').fill(member.email);
  await page.getByLabel('비밀번호').fill(member.password);
  await page.getByLabel('닉네임').fill(member.nickname);
  await page.getByRole('button', { name: '가입하기' }).click();

  // Logged in automatically; the profile may take a moment to be created.
  const greeting = page.getByRole('heading', { name: `안녕하세요, ${member.nickname}님!` });
  await expect(greeting).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: '홈' })).toHaveAttribute('aria-current', 'page');
  await screenshot(page, 'home');

  await page.getByRole('link', { name: '내정보' }).click();
  await expect(page.getByText(member.nickname, { exact: true })).toBeVisible();
  await expect(page.getByRole('meter', { name: '발도장' })).toHaveAttribute('aria-valuenow', '30');
  await screenshot(page, 'me');

  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.getByLabel('이메일').fill(member.email);
  await page.getByLabel('비밀번호').fill('wrong-password');
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('alert')).toHaveText('이메일 또는 비밀번호가 올바르지 않아요.');
  await screenshot(page, 'login-error');

  await page.getByLabel('비밀번호').fill(member.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(greeting).toBeVisible();

  // A reload keeps the member signed in through the refresh cookie.
  await page.reload();
  await expect(greeting).toBeVisible();
});
