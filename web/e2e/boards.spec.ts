import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';

import { onboardedMemberViaApi, screenshot, solidPng } from './support';
import { evidenceClip } from './trust-fixtures';

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

/** A token issued after onboarding, once the board knows the member's 동 (it can post). */
async function boardToken(request: APIRequestContext, member: { email: string; password: string }): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { email: member.email, password: member.password } });
  const { access_token: token } = (await login.json()) as { access_token: string };
  return token;
}

test('a 강아지자랑 post with photos and a video gets a live comment, rises to 인기글 and is found by search', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const author = await onboardedMemberViaApi(request, '자랑');
  const fan = await onboardedMemberViaApi(request, '이웃');

  // The author writes the post with two photos and a video.
  await logIn(page, author.email, author.password);
  await page.getByRole('navigation', { name: /메뉴|탭|주요/ }).getByRole('link', { name: '게시판' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '게시판' })).toBeVisible();
  await expect(page.getByText(/준비 중/)).toHaveCount(0);
  await page.getByRole('link', { name: '글쓰기' }).click();
  await page.getByLabel('분류').selectOption({ label: '강아지자랑' });
  await page.getByLabel('제목').fill('콩이의 산책로 나들이');
  await page.getByLabel('내용').fill('오늘은 **한강공원**까지 걸었어요.\n\n- 날씨 최고\n- 간식 두 개');
  await page.getByLabel(/사진·동영상 추가/).setInputFiles([
    { name: 'kong-1.png', mimeType: 'image/png', buffer: solidPng(120, [230, 170, 90]) },
    { name: 'kong-2.png', mimeType: 'image/png', buffer: solidPng(120, [120, 180, 220]) },
    { name: 'walk.webm', mimeType: 'video/webm', buffer: evidenceClip() },
  ]);
  const uploads = page.getByRole('list', { name: '올린 사진과 동영상' });
  await expect(uploads.getByRole('img', { name: '사진 2' })).toBeVisible();
  await expect(uploads.locator('video[aria-label="동영상 1"]')).toBeVisible();
  await screenshot(page, 'boards-write');
  await page.getByRole('button', { name: '올리기' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '콩이의 산책로 나들이' })).toBeVisible();
  await expect(page).toHaveURL(/\/boards\/posts\//);
  const postUrl = new URL(page.url()).pathname;
  await expect(page.locator('.post-view__content strong')).toHaveText('한강공원');
  await expect(page.getByRole('img', { name: '사진 1' })).toBeVisible();
  await expect(page.getByRole('img', { name: '사진 2' })).toBeVisible();
  const video = page.locator('video[aria-label="동영상 1"]');
  await expect(video).toHaveAttribute('poster', /\/poster$/);
  // The video plays in Chromium: it starts and time moves on.
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime)).toBeGreaterThan(0);
  await video.evaluate((element: HTMLVideoElement) => element.pause());
  await screenshot(page, 'boards-post');

  // Another member likes it and comments; the author's open page shows the comment live.
  const fanPage = await phone(browser, baseURL);
  await logIn(fanPage, fan.email, fan.password);
  await fanPage.goto(postUrl);
  await fanPage.getByRole('button', { name: '좋아요' }).click();
  await expect(fanPage.getByRole('button', { name: '좋아요 취소' })).toBeVisible();
  await fanPage.getByRole('textbox', { name: '댓글을 남겨 주세요' }).fill('콩이 너무 귀여워요!');
  await fanPage.getByRole('button', { name: '등록' }).click();
  await expect(fanPage.getByText('콩이 너무 귀여워요!')).toBeVisible();
  await screenshot(fanPage, 'boards-post-fan');

  await expect(page.getByText('콩이 너무 귀여워요!')).toBeVisible(); // no reload on the author's page
  await expect(page.getByRole('heading', { name: '댓글 1' })).toBeVisible();
  await expect(page.getByRole('link', { name: `${fan.nickname}님의 회원 카드` })).toHaveAttribute('href', `/members/${fan.id}`);
  await screenshot(page, 'boards-post-live-comment');

  // It rises to 인기글 (recomputed by the board's job), on the board and on 홈.
  await page.goto('/boards?tab=popular');
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByRole('heading', { level: 3, name: '콩이의 산책로 나들이' }).count();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe(1);
  await expect(page.getByRole('button', { name: '인기글' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'boards-popular');
  await page.goto('/');
  await expect(page.getByRole('region', { name: '인기글' }).getByRole('link', { name: '콩이의 산책로 나들이' })).toBeVisible();
  await screenshot(page, 'boards-home-card');

  // Search finds it by a word inside a longer word (산책 in 산책로), marked.
  await page.goto('/boards');
  await page.getByRole('searchbox', { name: '게시글 검색' }).fill('산책');
  await page.getByRole('button', { name: '검색', exact: true }).click();
  await expect(page.getByText('‘산책’ 검색 결과')).toBeVisible();
  const found = page.locator('.post-card__title', { hasText: '콩이의 산책로 나들이' });
  await expect(found.locator('mark')).toHaveText('산책');
  await screenshot(page, 'boards-search');
  await fanPage.context().close();
});

const PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"></svg>',
  '[눌러요](javascript:window.__xss=4)',
  '<iframe src="javascript:window.__xss=5"></iframe>',
  '<a href="javascript:window.__xss=6">링크</a>',
  '<details open ontoggle="window.__xss=7">x</details>',
];

test('script payloads in a post and its comments stay inert on the page', async ({ page, request }) => {
  const author = await onboardedMemberViaApi(request, '보안');
  const headers = { Authorization: `Bearer ${await boardToken(request, author)}` };
  let created: { id: string } | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.post('/api/v1/board/posts', {
          headers,
          data: { category: 'topic', title: PAYLOADS[0], content: PAYLOADS.join('\n\n') },
        });
        if (response.status() === 201) created = (await response.json()) as { id: string };
        return response.status();
      },
      { timeout: 15_000 },
    )
    .toBe(201);
  const postId = created?.id ?? '';
  for (const payload of PAYLOADS) {
    const comment = await request.post(`/api/v1/board/posts/${postId}/comments`, { headers, data: { content: payload } });
    expect(comment.status()).toBe(201);
  }

  await logIn(page, author.email, author.password);
  await page.goto(`/boards/posts/${postId}`);
  await expect(page.getByRole('heading', { level: 1, name: PAYLOADS[0] })).toBeVisible();
  // Each comment shows its payload as plain text.
  await expect(page.locator('.comment__content')).toHaveText(PAYLOADS);
  const content = page.locator('.post-view__content');
  await expect(content.locator('script, img, svg, iframe, details, [onerror], [onload], [ontoggle]')).toHaveCount(0);
  await expect(content.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await screenshot(page, 'boards-xss-inert');
});
