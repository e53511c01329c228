import { expect, test, type Browser, type Page } from '@playwright/test';

import { onboardedMemberViaApi, screenshot, solidPng } from './support';

async function phone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

function nextSaturdayMorning(): string {
  const now = new Date();
  const days = ((6 - now.getDay() + 7) % 7) + 7;
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 8, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T08:00`;
}

test('a club: made with a weekly schedule, joined, boards and album by role, live chat, removal with a rejoin ban', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const owner = await onboardedMemberViaApi(request, '모임장');
  const guest = await onboardedMemberViaApi(request, '모임원');
  const title = `한강 산책 ${owner.nickname.slice(-4)}`;

  // The owner makes the club: its information and a first schedule every Saturday.
  await logIn(page, owner.email, owner.password);
  await page.getByRole('navigation', { name: '주요 메뉴' }).getByRole('link', { name: '소모임' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '소모임' })).toBeVisible();
  await expect(page.getByText('준비 중이에요')).toHaveCount(0);
  await page.getByRole('link', { name: '소모임 만들기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '소모임 만들기' })).toBeVisible();
  await page.getByLabel('모임 이름').fill(title);
  await page.getByLabel('모임 소개').fill('토요일 아침마다 한강공원을 같이 걸어요.');
  await page.getByLabel('일정 이름').fill('토요 아침 산책');
  await page.getByLabel('날짜와 시간').fill(nextSaturdayMorning());
  await page.getByLabel('장소').fill('여의도 한강공원');
  await page.getByLabel('정원 (선택)').fill('10');
  await page.getByLabel('매주 같은 요일·시간에 반복').check();
  await page.getByLabel('반복 횟수').fill('4');
  await screenshot(page, 'clubs-create');
  // The club belongs to the owner's verified 동, which the club service hears about by event.
  await expect
    .poll(
      async () => {
        const create = page.getByRole('button', { name: '만들기' });
        if (/\/clubs\/new$/.test(page.url()) && (await create.isEnabled())) await create.click();
        return page.url();
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toMatch(/\/clubs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByRole('listitem', { name: '토요 아침 산책' }).first()).toContainText('참석 0/10명');
  await screenshot(page, 'clubs-page-schedule');

  // A notice, pinned.
  await page.getByRole('tab', { name: '공지' }).click();
  await page.getByRole('button', { name: '글쓰기' }).click();
  await page.getByLabel('제목').fill('모임 규칙');
  await page.getByLabel('내용').fill('목줄은 꼭 해 주세요.');
  await page.getByRole('button', { name: '올리기' }).click();
  const notice = page.getByRole('listitem', { name: '모임 규칙' });
  await notice.getByRole('button', { name: '고정하기' }).click();
  await expect(notice.getByText('고정', { exact: true })).toBeVisible();
  await screenshot(page, 'clubs-notice-owner');

  // The member finds it in their area and joins; RSVPs to the first Saturday.
  const guestPage = await phone(browser, baseURL);
  await logIn(guestPage, guest.email, guest.password);
  await expect(guestPage.getByRole('region', { name: '내 소모임 다음 일정' })).toContainText('다가오는 소모임 일정이 없어요.');
  await guestPage.goto('/clubs');
  await guestPage.getByLabel('모임 이름으로 찾기').fill(title.slice(0, 8));
  const found = guestPage.getByRole('list', { name: '소모임 찾기' }).getByRole('link', { name: new RegExp(title) });
  await expect(found).toContainText('멤버 1명');
  await screenshot(guestPage, 'clubs-find');
  await found.click();
  await guestPage.getByRole('button', { name: '가입하기' }).click();
  await expect(guestPage.getByText('멤버', { exact: true }).first()).toBeVisible();
  await guestPage.getByRole('listitem', { name: '토요 아침 산책' }).first().getByRole('button', { name: '참석' }).click();
  await expect(guestPage.getByRole('listitem', { name: '토요 아침 산책' }).first()).toContainText('참석 1/10명');

  // Boards by role: a member reads notices but cannot write or delete them; writes on 자유.
  await guestPage.getByRole('tab', { name: '공지' }).click();
  await expect(guestPage.getByRole('listitem', { name: '모임 규칙' })).toBeVisible();
  await expect(guestPage.getByText('공지는 관리자와 매니저만 쓸 수 있어요.')).toBeVisible();
  await expect(guestPage.getByRole('button', { name: '글쓰기' })).toHaveCount(0);
  await expect(guestPage.getByRole('listitem', { name: '모임 규칙' }).getByRole('button', { name: /삭제/ })).toHaveCount(0);
  await screenshot(guestPage, 'clubs-notice-member');
  await guestPage.getByRole('tab', { name: '자유' }).click();
  await guestPage.getByRole('button', { name: '글쓰기' }).click();
  await guestPage.getByLabel('제목').fill('첫 산책 후기');
  await guestPage.getByLabel('내용').fill('콩이가 정말 좋아했어요!');
  await guestPage.getByRole('button', { name: '올리기' }).click();
  await expect(guestPage.getByRole('listitem', { name: '첫 산책 후기' }).getByRole('button', { name: /삭제/ })).toBeVisible();
  await screenshot(guestPage, 'clubs-free-member');

  // Album: every member uploads.
  await guestPage.getByRole('tab', { name: '사진첩' }).click();
  await guestPage.getByLabel('사진 올리기').setInputFiles({
    name: 'walk.png',
    mimeType: 'image/png',
    buffer: solidPng(120, [120, 180, 90]),
  });
  await expect(guestPage.getByRole('img', { name: `${guest.nickname}님의 사진` })).toBeVisible({ timeout: 20_000 });
  await screenshot(guestPage, 'clubs-album-member');

  // The owner-admin may delete what members post; the member's photo shows a delete button for them.
  await page.reload();
  await page.getByRole('tab', { name: '사진첩' }).click();
  await expect(page.getByRole('img', { name: `${guest.nickname}님의 사진` })).toBeVisible();
  await expect(page.getByRole('button', { name: '사진 삭제' })).toBeVisible();
  await page.getByRole('tab', { name: '자유' }).click();
  await page.getByRole('listitem', { name: '첫 산책 후기' }).getByRole('button', { name: /삭제/ }).click();
  await expect(page.getByRole('listitem', { name: '첫 산책 후기' })).toHaveCount(0);

  // Chat in real time between the two phones.
  await page.getByRole('tab', { name: '채팅' }).click();
  await guestPage.getByRole('tab', { name: '채팅' }).click();
  const ownerLog = page.getByRole('list', { name: '채팅 메시지' });
  const guestLog = guestPage.getByRole('list', { name: '채팅 메시지' });
  await expect(page.getByRole('button', { name: '보내기' })).toBeDisabled();
  await page.getByRole('textbox', { name: '메시지를 입력하세요' }).fill('이번 주 토요일에 만나요!');
  await expect(page.getByRole('button', { name: '보내기' })).toBeEnabled();
  await page.getByRole('button', { name: '보내기' }).click();
  await expect(guestLog).toContainText('이번 주 토요일에 만나요!');
  await guestPage.getByRole('textbox', { name: '메시지를 입력하세요' }).fill('네 좋아요!');
  await guestPage.getByRole('button', { name: '보내기' }).click();
  await expect(ownerLog).toContainText('네 좋아요!');
  await screenshot(page, 'clubs-chat-owner');
  await screenshot(guestPage, 'clubs-chat-member');

  // The owner removes the member and bans a rejoin: the member's socket stops at once.
  await page.getByRole('tab', { name: '멤버' }).click();
  await page.getByRole('listitem', { name: guest.nickname }).getByRole('button', { name: '내보내고 재가입 막기' }).click();
  await screenshot(page, 'clubs-ban-confirm', { fullPage: false });
  await page.getByRole('alertdialog').getByRole('button', { name: '내보내고 재가입 막기' }).click();
  await expect(page.getByRole('listitem', { name: guest.nickname })).toHaveCount(0);
  await expect(guestPage.getByRole('alert')).toContainText('더 이상 채팅을 받을 수 없어요');
  await page.getByRole('tab', { name: '채팅' }).click();
  await page.getByRole('textbox', { name: '메시지를 입력하세요' }).fill('내보낸 뒤의 메시지');
  await page.getByRole('button', { name: '보내기' }).click();
  await expect(ownerLog).toContainText('내보낸 뒤의 메시지');
  await expect(guestPage.getByText('내보낸 뒤의 메시지')).toHaveCount(0);
  await screenshot(guestPage, 'clubs-removed-member');

  // Joining again is refused.
  await guestPage.reload();
  await guestPage.getByRole('button', { name: '가입하기' }).click();
  await expect(guestPage.getByRole('alert')).toContainText('다시 가입할 수 없어요');
  await screenshot(guestPage, 'clubs-rejoin-refused');

  // 홈 shows the owner's next club schedule.
  await page.goto('/');
  await expect(page.getByRole('region', { name: '내 소모임 다음 일정' })).toContainText('토요 아침 산책');
  await screenshot(page, 'clubs-home-card');
});
