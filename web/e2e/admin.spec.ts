import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test, type Page } from '@playwright/test';

import { newMember, screenshot } from './support';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The operator's way to make the first admin: the real command, on the e2e server's data. */
function grantAdmin(email: string): string {
  const dataDir = process.env.MUNGMO_E2E_DATA_DIR;
  if (dataDir === undefined) throw new Error('playwright.config.ts sets MUNGMO_E2E_DATA_DIR');
  return execFileSync(
    join(repoRoot, '.venv', 'bin', 'python'),
    ['-m', 'mungmo.cli', 'admin', 'grant', email, '--reason', '첫 관리자 (e2e)', '--data-dir', dataDir],
    { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
  );
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
}

test('an admin made on the command line bans a member from the admin page', async ({ page, browser, request, baseURL }) => {
  const admin = newMember('관리');
  const member = newMember('말썽');
  for (const account of [admin, member]) {
    expect((await request.post('/api/v1/accounts', { data: account })).status()).toBe(201);
  }
  expect(grantAdmin(admin.email)).toContain(`admin granted to ${admin.email}`);

  // A member finds no admin area.
  // The member's own phone: a second browser with the same device settings.
  const memberContext = await browser.newContext({
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const memberPage = await memberContext.newPage();
  await logIn(memberPage, member.email, member.password);
  await expect(memberPage.getByRole('heading', { level: 1, name: `${member.nickname}님, 반가워요!` })).toBeVisible();
  await memberPage.goto('/admin');
  await expect(memberPage.getByRole('heading', { name: '관리자만 볼 수 있어요' })).toBeVisible();
  await screenshot(memberPage, 'admin-forbidden');

  await logIn(page, admin.email, admin.password);
  await expect(page.getByRole('heading', { level: 1, name: `${admin.nickname}님, 반가워요!` })).toBeVisible();
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: '관리자' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `${admin.nickname} (나)` })).toBeVisible();
  await screenshot(page, 'admin-accounts');

  await page.getByRole('searchbox', { name: '이메일 또는 닉네임으로 찾기' }).fill(member.nickname);
  const row = page.getByRole('listitem', { name: member.nickname });
  await expect(row).toBeVisible();
  await expect(page.getByRole('heading', { name: `${admin.nickname} (나)` })).toBeHidden();
  await row.getByRole('button', { name: `${member.nickname}님 영구 퇴출` }).click();

  const dialog = page.getByRole('dialog', { name: `${member.nickname}님을 영구 퇴출할까요?` });
  await dialog.getByRole('button', { name: '영구 퇴출' }).click();
  await expect(dialog.getByText('사유를 적어 주세요.')).toBeVisible();
  await dialog.getByRole('textbox', { name: '사유 (조치 기록에 남아요)' }).fill('다른 회원에게 사기 거래 시도');
  await screenshot(page, 'admin-ban-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: '영구 퇴출' }).click();

  await expect(page.getByText(`${member.nickname}님을 영구 퇴출했어요.`)).toBeVisible();
  await expect(row.getByText('영구 퇴출')).toBeVisible();
  await screenshot(page, 'admin-account-banned');

  await page.getByRole('link', { name: '조치 기록' }).click();
  const log = page.getByRole('list', { name: '조치 기록, 최근 순' });
  await expect(log.getByRole('listitem').first()).toContainText(`${member.nickname}님 영구 퇴출`);
  await expect(log.getByRole('listitem').first()).toContainText('다른 회원에게 사기 거래 시도');
  await expect(log.getByRole('listitem').first()).toContainText(admin.nickname);
  await expect(log).toContainText(`${admin.nickname}님에게 관리자 권한 부여`);
  await screenshot(page, 'admin-audit');

  // The banned member is logged out and cannot log back in.
  await memberPage.goto('/me');
  await expect(memberPage).toHaveURL(/\/login$/);
  await logIn(memberPage, member.email, member.password);
  await expect(memberPage.getByRole('alert')).toHaveText('이용이 영구 제한된 계정이에요. 고객센터에 문의해 주세요.');
  await screenshot(memberPage, 'admin-banned-login');
  await memberContext.close();
});
