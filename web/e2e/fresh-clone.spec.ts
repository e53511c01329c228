import { expect, test } from '@playwright/test';

import { newMember, screenshot } from './support';

/**
 * Runs against a server started from a copy of the repository with no ../shared beside
 * it (playwright.config.ts, project "fresh-clone"): everything a new member needs to
 * finish onboarding, the neighbourhood data included, ships with the project.
 */

/** 서울특별시 마포구 서교동 (not the 청운효자동 of the other tests): a spot near 홍대입구. */
const SEOGYO = { name: '서교동', fullName: '서울특별시 마포구 서교동', latitude: 37.5561, longitude: 126.9227 };

test.use({
  permissions: ['geolocation'],
  geolocation: { latitude: SEOGYO.latitude, longitude: SEOGYO.longitude },
});

test('on a fresh clone a new member signs up, finishes onboarding and reaches home', async ({ page }) => {
  test.setTimeout(120_000);
  const member = newMember('새이웃');

  await page.goto('/signup');
  await page.getByLabel('이메일').fill(member.email);
  await page.getByLabel('비밀번호').fill(member.password);
  await page.getByLabel('닉네임').fill(member.nickname);
  await page.getByRole('button', { name: '가입하기' }).click();
  await expect(page).toHaveURL(/\/onboarding$/);

  await expect(page.getByRole('heading', { level: 2, name: '나에 대해 알려 주세요' })).toBeVisible();
  await page.getByRole('checkbox', { name: '적극적' }).check();
  await page.getByRole('button', { name: '다음' }).click();

  await expect(page.getByRole('heading', { level: 2, name: '함께하는 강아지를 소개해 주세요' })).toBeVisible();
  await page.getByLabel('이름', { exact: true }).fill('보리');
  await page.getByLabel('견종', { exact: true }).fill('말티');
  await page.getByRole('radio', { name: '말티즈' }).check();
  await page.getByRole('radio', { name: '소형' }).check();
  await page.getByRole('checkbox', { name: '산책 좋아함' }).check();
  await page.getByRole('button', { name: '다음' }).click();

  // The 동 list comes from the centre points the project ships.
  await expect(page.getByRole('heading', { level: 2, name: '우리 동네를 인증해 주세요' })).toBeVisible();
  await page.getByLabel('동네 검색', { exact: true }).fill('마포구 서교');
  const seogyo = page.getByRole('radio', { name: new RegExp(SEOGYO.name) });
  await expect(seogyo).toBeVisible();
  await seogyo.check();
  await screenshot(page, 'fresh-clone-neighbourhood');
  await page.getByRole('button', { name: '현재 위치로 인증하고 시작하기' }).click();

  await expect(page.getByRole('heading', { name: `안녕하세요, ${member.nickname}님!` })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page).toHaveURL(/\/$/);
  await screenshot(page, 'fresh-clone-home');

  await page.getByRole('link', { name: '내정보' }).click();
  await expect(page.getByText(SEOGYO.fullName)).toBeVisible();
  await expect(page.getByText('인증됨')).toBeVisible();
  await screenshot(page, 'fresh-clone-me');
});
