import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';

import { CHEONGUN_HYOJA, onboardedMemberViaApi, screenshot } from './support';

// SPEC §3: below 70 a 5-star rating adds round(5 / 2) = 3 (half up); a no-show costs 3.
const START = 30;
const FIVE_STARS_BELOW_70 = 3;
const NO_SHOW_BELOW_70 = 3;

async function phone(browser: Browser, baseURL: string | undefined, at?: { latitude: number; longitude: number }): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    ...(at === undefined ? {} : { geolocation: at, permissions: ['geolocation'] }),
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

async function score(request: APIRequestContext, token: string): Promise<number | null> {
  const response = await request.get('/api/v1/trust-scores/me', { headers: { Authorization: `Bearer ${token}` } });
  return response.ok() ? ((await response.json()) as { score: number }).score : null;
}

test('three members: one hosts on the map, one finds, joins and checks in, one stays away; ratings and the no-show move the 발도장', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const [hostMember, walkerMember, absentMember] = [
    await onboardedMemberViaApi(request, '호스트'),
    await onboardedMemberViaApi(request, '산책'),
    await onboardedMemberViaApi(request, '노쇼'),
  ];
  const host = await phone(browser, baseURL);
  const walker = await phone(browser, baseURL, { latitude: CHEONGUN_HYOJA.latitude, longitude: CHEONGUN_HYOJA.longitude });
  const absent = await phone(browser, baseURL);
  await logIn(host, hostMember.email, hostMember.password);
  await logIn(walker, walkerMember.email, walkerMember.password);
  await logIn(absent, absentMember.email, absentMember.password);

  // 1. The host opens a 번개 that starts now and lasts 45 seconds, placed on the map.
  await host.getByRole('navigation').getByRole('link', { name: '번개' }).click();
  await expect(host.getByRole('group', { name: '번개 달력' })).toBeVisible();
  await host.getByRole('link', { name: '번개 만들기' }).click();
  await host.getByLabel('제목').fill('청운공원 번개 산책');
  await host.getByLabel('소개 (선택)').fill('천천히 한 바퀴 걸어요');
  await host.getByRole('switch', { name: '지금 바로 시작' }).click();
  await host.getByLabel('진행 시간').selectOption({ label: '45초' });
  await host.getByLabel('모이는 곳 이름').fill('청운공원 입구');
  const map = host.getByTestId('meetup-map');
  await expect(map).not.toHaveAttribute('data-boundaries', '0');
  await screenshot(host, 'meetups-01-new');
  await map.click(); // the middle of the map: my 동's centre
  await expect(host.getByText('장소를 골랐어요.')).toBeVisible();
  await host.getByRole('button', { name: '번개 열기' }).click();
  await expect(host.getByRole('heading', { name: '청운공원 번개 산책' })).toBeVisible();
  const meetupUrl = host.url();

  // 2. The second member finds it on the calendar with filters (in the URL), joins and checks in.
  await walker.goto('/meetups');
  await walker.getByLabel('지역').selectOption({ label: '우리 동네(동)' });
  await walker.getByRole('switch', { name: '자리 있는 번개만' }).click();
  await expect(walker).toHaveURL(/region=dong/);
  await expect(walker).toHaveURL(/free=1/);
  const card = walker.getByRole('link', { name: /청운공원 번개 산책/ });
  await expect(card).toBeVisible();
  await expect(walker.locator('.month-calendar [data-count]').first()).toBeVisible();
  await screenshot(walker, 'meetups-02-calendar-month');
  await walker.locator('label').filter({ hasText: /^주$/ }).click();
  await expect(walker.getByRole('group', { name: '번개 달력' }).getByRole('button', { name: /번개 1개/ })).toBeVisible();
  await screenshot(walker, 'meetups-03-calendar-week');
  await card.click();
  await walker.getByRole('button', { name: '참가하기' }).click();
  await expect(walker.getByText('참가했어요!')).toBeVisible();
  await walker.getByRole('button', { name: '위치로 출석하기' }).click();
  await expect(walker.getByText('출석했어요', { exact: true })).toBeVisible();
  await screenshot(walker, 'meetups-04-checked-in');

  // 3. The third joins and stays away.
  await absent.goto(new URL(meetupUrl).pathname);
  await absent.getByRole('button', { name: '참가하기' }).click();
  await expect(absent.getByText('참가했어요!')).toBeVisible();

  // The host sees the check-in, shows the QR code and confirms the list (the walker only).
  await host.reload();
  await expect(host.getByRole('img', { name: '출석용 QR 코드' })).toBeVisible();
  await expect(host.getByRole('checkbox', { name: new RegExp(walkerMember.nickname) })).toBeChecked();
  await expect(host.getByRole('checkbox', { name: new RegExp(absentMember.nickname) })).not.toBeChecked();
  await host.getByRole('button', { name: '출석 명단 확정' }).click();
  await expect(host.getByText('출석 명단을 저장했어요.')).toBeVisible();
  await screenshot(host, 'meetups-05-host-attendance');

  // 4. After the window (45 s from the start) the two rate each other.
  const meetupId = new URL(meetupUrl).pathname.split('/').pop() ?? '';
  // A token issued after onboarding (meetup reads need the onboarded claim).
  const login = await request.post('/api/v1/auth/login', { data: { email: hostMember.email, password: hostMember.password } });
  const hostToken = ((await login.json()) as { access_token: string }).access_token;
  await expect
    .poll(
      async () => {
        const detail = await request.get(`/api/v1/meetups/${meetupId}`, { headers: { Authorization: `Bearer ${hostToken}` } });
        return ((await detail.json()) as { phase: string }).phase;
      },
      { timeout: 70_000, intervals: [1000] },
    )
    .toBe('after');
  for (const [page, other] of [
    [host, walkerMember],
    [walker, hostMember],
  ] as const) {
    await page.reload();
    const form = page.getByRole('form', { name: `${other.nickname}님은 어땠나요?` });
    await form.getByRole('radio', { name: '별 5개' }).check({ force: true });
    await form.getByLabel('한마디 (선택)').fill('즐거운 산책이었어요');
    await form.getByRole('button', { name: '평가 남기기' }).click();
    await expect(form.getByText('평가를 남겼어요.')).toBeVisible();
  }
  await screenshot(walker, 'meetups-06-rated');

  // Both 발도장 move by the policy amount; the third gets the no-show penalty.
  await expect.poll(() => score(request, hostMember.token), { timeout: 30_000 }).toBe(START + FIVE_STARS_BELOW_70);
  await expect.poll(() => score(request, walkerMember.token), { timeout: 30_000 }).toBe(START + FIVE_STARS_BELOW_70);
  await expect.poll(() => score(request, absentMember.token), { timeout: 30_000 }).toBe(START - NO_SHOW_BELOW_70);
  await absent.reload();
  await expect(absent.getByText(/출석하지 않아 평가할 수 없어요/)).toBeVisible();
  await screenshot(absent, 'meetups-07-no-show');
  await walker.goto('/me');
  await expect(walker.getByText(String(START + FIVE_STARS_BELOW_70)).first()).toBeVisible();
  await screenshot(walker, 'meetups-08-paw-print');

  // 내 번개 with the calendar address, and the home card.
  await walker.goto('/meetups/mine');
  await walker.locator('label').filter({ hasText: /^지난$/ }).click();
  await expect(walker.getByRole('link', { name: /청운공원 번개 산책/ })).toBeVisible();
  await walker.getByRole('button', { name: '캘린더 주소 만들기' }).click();
  const address = await walker.getByLabel('캘린더 주소').inputValue();
  const feed = await request.get(new URL(address).pathname);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  expect(await feed.text()).toContain('청운공원 번개 산책');
  await screenshot(walker, 'meetups-09-mine');
  await walker.goto('/');
  await expect(walker.getByRole('heading', { name: '오늘 우리 동네 번개' })).toBeVisible();
  await screenshot(walker, 'meetups-10-home');
});
