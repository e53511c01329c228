import { expect, test, type APIRequestContext } from '@playwright/test';

import { mungmoCommand, newMember, onboardedMemberViaApi, screenshot } from './support';

// 강남역: where the member stands for the distance sort (given to the browser only).
const GANGNAM_STATION = { latitude: 37.4979, longitude: 127.0276 };

test.use({ geolocation: GANGNAM_STATION, permissions: ['geolocation'] });

interface Found {
  id: string;
  name: string;
  phone: string | null;
  latitude: number | null;
}

/** An administrator (made with `mungmo admin grant`) marks hospitals 24-hour or open all day. */
async function adminMarksHospitals(request: APIRequestContext): Promise<{ allDay: Found[]; always: Found }> {
  const admin = newMember('병원관리');
  expect((await request.post('/api/v1/accounts', { data: admin })).status()).toBe(201);
  expect(mungmoCommand('admin', 'grant', admin.email, '--reason', '병원 정보 관리 (e2e)')).toContain('admin granted');
  const login = await request.post('/api/v1/auth/login', { data: { email: admin.email, password: admin.password } });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${token}` };

  // The first search imports the shipped register into the empty table.
  const search = await request.get('/api/v1/hospitals', {
    headers,
    params: { province: '서울특별시', district: '강남구', limit: '100' },
    timeout: 60_000,
  });
  expect(search.ok()).toBe(true);
  const { items } = (await search.json()) as { items: Found[] };
  const callable = items.filter((h) => h.phone !== null && h.latitude !== null);
  expect(callable.length).toBeGreaterThan(10);
  const [first, second, third] = [callable[0], callable[5], callable[10]] as [Found, Found, Found];
  for (const hospital of [first, second]) {
    const set = await request.put(`/api/v1/hospitals/${hospital.id}/hours`, { headers, data: { open_24h: true, hours: [] } });
    expect(set.ok()).toBe(true);
  }
  // Open all day every day from the hours table, without the 24-hour flag.
  const everyDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));
  const hours = await request.put(`/api/v1/hospitals/${third.id}/hours`, { headers, data: { open_24h: false, hours: everyDay } });
  expect(hours.ok()).toBe(true);
  return { allDay: [first, second], always: third };
}

test('a member finds 24-hour hospitals in 강남구, sees them on the map, calls one, and uses 응급', async ({ page, request }) => {
  const { allDay, always } = await adminMarksHospitals(request);
  const member = await onboardedMemberViaApi(request, '병원찾기');
  const requests: string[] = [];
  page.on('request', (sent) => requests.push(sent.url()));

  await page.goto('/login');
  await page.getByLabel('이메일').fill(member.email);
  await page.getByLabel('비밀번호').fill(member.password);
  await page.getByRole('button', { name: '로그인' }).click();

  // Home: the open-now card.
  const card = page.getByRole('region', { name: '지금 문 연 병원' });
  await expect(card.getByText(/지금 진료 중인 병원 3곳/)).toBeVisible();
  await screenshot(page, 'hospitals-1-home');

  await page.getByRole('link', { name: '동물병원 찾기 · 응급' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '동물병원' })).toBeVisible();
  await page.getByRole('combobox', { name: '시/도' }).selectOption('서울특별시');
  const district = page.getByRole('combobox', { name: '시/군/구' });
  await expect(district.locator('option', { hasText: '강남구' })).toHaveCount(1);
  await district.selectOption('강남구');
  await page.getByRole('button', { name: '24시간', exact: true }).click();

  const list = page.getByRole('list', { name: '동물병원 목록' });
  const names = [...allDay.map((h) => h.name)].sort((a, b) => a.localeCompare(b, 'ko'));
  await expect(list.getByRole('article')).toHaveCount(2);
  for (const name of names) await expect(list.getByRole('heading', { name, exact: true })).toBeVisible();
  const called = allDay[0] as Found;
  const callButton = list.getByRole('article', { name: called.name }).getByRole('link', { name: `${called.name}에 전화하기` });
  await expect(callButton).toHaveAttribute('href', `tel:${(called.phone ?? '').replace(/\D/g, '')}`);
  await screenshot(page, 'hospitals-2-gangnam-24h');

  // The same two on the map, drawn without any tile server.
  await page.getByRole('radio', { name: '지도' }).check();
  const map = page.getByTestId('hospital-map');
  await expect(map).toHaveAttribute('data-markers', '2');
  await expect(map.locator('.leaflet-marker-icon')).toHaveCount(2);
  await expect(page.getByText('배경 지도 없이 위치만 표시해요.')).toBeVisible();
  await screenshot(page, 'hospitals-3-map');
  await map.locator('.leaflet-marker-icon').first().click();
  await expect(map.locator('.leaflet-popup-content')).toContainText('전화하기');
  await screenshot(page, 'hospitals-3-map-popup', { fullPage: false });

  // 응급: open now (24-hour ones and the one open all day), nearest first, with call buttons.
  await page.getByRole('link', { name: '응급: 지금 문 연 가까운 병원' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '응급 – 지금 문 연 병원' })).toBeVisible();
  const emergency = page.getByRole('list', { name: '동물병원 목록' });
  await expect(emergency.getByRole('article')).toHaveCount(3);
  await expect(emergency.getByRole('heading', { name: always.name, exact: true })).toBeVisible();
  const distances = await emergency.locator('.hospital-card__distance').allTextContents();
  const metres = distances.map((text) => {
    const value = Number(text.replace(/[^\d.]/g, ''));
    return text.includes('km') ? value * 1000 : value;
  });
  expect(metres).toHaveLength(3);
  expect([...metres].sort((a, b) => a - b)).toEqual(metres);
  await expect(emergency.getByRole('link', { name: /에 전화하기$/ })).toHaveCount(3);
  await screenshot(page, 'hospitals-4-emergency');

  // No request left the app's own server (no tiles, no map API).
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
});

test('a member suggests a phone number and an administrator applies it from 관리자', async ({ page, browser, request }) => {
  const admin = newMember('병원관리');
  expect((await request.post('/api/v1/accounts', { data: admin })).status()).toBe(201);
  expect(mungmoCommand('admin', 'grant', admin.email, '--reason', '병원 정보 관리 (e2e)')).toContain('admin granted');
  const member = await onboardedMemberViaApi(request, '제보');

  await page.goto('/login');
  await page.getByLabel('이메일').fill(member.email);
  await page.getByLabel('비밀번호').fill(member.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('region', { name: '지금 문 연 병원' })).toBeVisible();
  await page.goto('/hospitals?province=광주광역시&district=북구');
  const card = page.getByRole('list', { name: '동물병원 목록' }).getByRole('article').first();
  const name = (await card.getByRole('heading').textContent()) ?? '';
  await card.getByRole('button', { name: '정보 수정 제안' }).click();
  const form = card.getByRole('form', { name: '정보 수정 제안' });
  await form.getByRole('textbox', { name: '올바른 전화번호' }).fill('062-571-1275');
  await form.getByRole('textbox', { name: '메모 (선택)' }).fill('전화해서 확인했어요');
  await screenshot(page, 'hospitals-5-suggest');
  await form.getByRole('button', { name: '제안 보내기' }).click();
  await expect(card.getByText('제안을 보냈어요. 고마워요!')).toBeVisible();

  // A member has no way into the queue.
  await page.goto('/admin/hospitals');
  await expect(page.getByRole('heading', { name: '관리자만 볼 수 있어요' })).toBeVisible();

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await adminPage.goto('/login');
  await adminPage.getByLabel('이메일').fill(admin.email);
  await adminPage.getByLabel('비밀번호').fill(admin.password);
  await adminPage.getByRole('button', { name: '로그인' }).click();
  await expect(adminPage).toHaveURL(/\/onboarding$/);
  await adminPage.goto('/admin');
  await adminPage.getByRole('link', { name: '병원 정보' }).click();
  const item = adminPage.getByRole('listitem', { name: `${name} · 전화번호` });
  await expect(item.getByText('제안된 번호: 062-571-1275')).toBeVisible();
  await screenshot(adminPage, 'hospitals-6-admin-queue');
  await item.getByRole('button', { name: '반영' }).click();
  await expect(adminPage.getByRole('heading', { name: '검토할 제안이 없어요' })).toBeVisible();
  await adminContext.close();

  await page.goto('/hospitals?province=광주광역시&district=북구');
  const updated = page.getByRole('article', { name }).first();
  await expect(updated.getByRole('link', { name: `${name}에 전화하기` })).toHaveAttribute('href', 'tel:0625711275');
});
