import { expect, test } from '@playwright/test';

import { CHEONGUN_HYOJA, newMember, onboardedMemberViaApi, screenshot, solidPng } from './support';

test.use({
  permissions: ['geolocation'],
  geolocation: { latitude: CHEONGUN_HYOJA.latitude, longitude: CHEONGUN_HYOJA.longitude },
});

test('a new member is led through onboarding, then befriends and blocks a neighbour', async ({ page, request }) => {
  test.setTimeout(120_000);
  const neighbour = await onboardedMemberViaApi(request);
  const member = newMember();

  await page.goto('/signup');
  await page.getByLabel('이메일').fill(member.email);
  await page.getByLabel('비밀번호').fill(member.password);
  await page.getByLabel('닉네임').fill(member.nickname);
  await page.getByRole('button', { name: '가입하기' }).click();

  // Every page leads to onboarding until it is finished.
  await expect(page.getByRole('heading', { level: 1, name: `${member.nickname}님, 반가워요!` })).toBeVisible();
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto('/friends');
  await expect(page).toHaveURL(/\/onboarding$/);

  // Step 1: about me.
  await expect(page.getByRole('heading', { level: 2, name: '나에 대해 알려 주세요' })).toBeVisible();
  await screenshot(page, 'onboarding-1-owner-empty');
  await page.getByRole('checkbox', { name: '차분함' }).check();
  await page.getByRole('checkbox', { name: '아침형' }).check();
  await page.getByLabel('프로필 사진', { exact: true }).setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: solidPng(64, [220, 120, 60]),
  });
  await expect(page.getByRole('button', { name: '사진 빼기' })).toBeVisible();
  await page.getByLabel('출생 연도', { exact: true }).selectOption('1990');
  await page.getByRole('switch', { name: '나이 공개' }).click();
  await page.getByRole('radio', { name: '남성' }).check();
  await screenshot(page, 'onboarding-1-owner');
  await page.getByRole('button', { name: '다음' }).click();

  // Step 2: the first dog, with a photo.
  await expect(page.getByRole('heading', { level: 2, name: '함께하는 강아지를 소개해 주세요' })).toBeVisible();
  await page.getByLabel('이름', { exact: true }).fill('콩이');
  await page.getByLabel('강아지 사진', { exact: true }).setInputFiles({
    name: 'kong.png',
    mimeType: 'image/png',
    buffer: solidPng(96, [250, 200, 120]),
  });
  await expect(page.getByRole('button', { name: '사진 빼기' })).toBeVisible();
  await page.getByLabel('견종', { exact: true }).fill('진돗');
  await page.getByRole('radio', { name: '진돗개' }).check();
  await page.getByRole('radio', { name: '중형' }).check();
  await page.getByRole('checkbox', { name: '산책 좋아함' }).check();
  await page.getByRole('checkbox', { name: '큰 개와 잘 지냄' }).check();
  await page.getByRole('radio', { name: '4', exact: true }).check();
  await page.getByRole('radio', { name: '냄새 맡기' }).check();
  await page.getByRole('switch', { name: '예방접종 공개 여부' }).click();
  await page.getByRole('group', { name: '예방접종' }).getByRole('radio', { name: '예' }).check();
  await screenshot(page, 'onboarding-2-dog');
  await page.setViewportSize({ width: 360, height: 780 });
  await screenshot(page, 'onboarding-2-dog-360');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: '다음' }).click();

  // Step 3: the neighbourhood, proved by the (emulated) device position.
  await expect(page.getByRole('heading', { level: 2, name: '우리 동네를 인증해 주세요' })).toBeVisible();
  await page.getByLabel('동네 검색', { exact: true }).fill('청운효자');
  await page.getByRole('radio', { name: /청운효자동/ }).check();
  await screenshot(page, 'onboarding-3-neighbourhood');
  await page.getByRole('button', { name: '현재 위치로 인증하고 시작하기' }).click();

  // The session is refreshed until the token says "onboarded", then home.
  await expect(page.getByRole('heading', { name: `안녕하세요, ${member.nickname}님!` })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page).toHaveURL(/\/$/);
  await screenshot(page, 'home');

  // The neighbour's card: public fields only.
  await page.goto(`/members/${neighbour.id}`);
  await expect(page.getByRole('heading', { level: 1, name: neighbour.nickname })).toBeVisible();
  await expect(page.getByText('1991년생')).toBeVisible();
  await expect(page.getByText('여성')).toHaveCount(0);
  const tofu = page.getByRole('article', { name: '두부' });
  await expect(tofu.getByText('푸들 · 소형')).toBeVisible();
  await expect(tofu.getByText('잘 짖어요')).toBeVisible();
  await expect(tofu.getByText('예방접종 완료')).toBeVisible();
  await expect(tofu.getByText('동물등록 완료')).toBeVisible();
  await expect(page.getByRole('link', { name: '신고하기' })).toHaveAttribute(
    'href',
    `/reports/new?member=${encodeURIComponent(neighbour.nickname)}`,
  );
  await screenshot(page, 'member-card');
  // The narrowest phones we support.
  await page.setViewportSize({ width: 360, height: 780 });
  await screenshot(page, 'member-card-360');
  await page.setViewportSize({ width: 390, height: 844 });

  await page.getByRole('button', { name: '친구 추가' }).click();
  await expect(page.getByRole('button', { name: '친구예요 · 친구 삭제' })).toBeVisible();

  // The friends page lists them, with their 발도장, and removes them.
  await page.goto('/friends');
  const friends = page.getByRole('list', { name: '친구 목록' });
  await expect(friends.getByText(neighbour.nickname)).toBeVisible();
  await expect(friends.getByText('발도장 30')).toBeVisible();
  await screenshot(page, 'friends');
  await page.getByRole('button', { name: `${neighbour.nickname}님 친구 삭제` }).click();
  await expect(page.getByRole('alertdialog', { name: '친구를 삭제할까요?' })).toBeVisible();
  await screenshot(page, 'friends-remove-dialog', { fullPage: false });
  await page.getByRole('alertdialog').getByRole('button', { name: '친구 삭제' }).click();
  await expect(page.getByRole('heading', { name: '아직 친구가 없어요' })).toBeVisible();
  await screenshot(page, 'friends-empty');

  // Block from the card, after confirming.
  await page.goto(`/members/${neighbour.id}`);
  await page.getByRole('button', { name: '차단하기' }).click();
  const blockDialog = page.getByRole('alertdialog', { name: `${neighbour.nickname}님을 차단할까요?` });
  await expect(blockDialog).toBeVisible();
  await screenshot(page, 'member-card-block-dialog', { fullPage: false });
  await blockDialog.getByRole('button', { name: '차단하기' }).click();
  await expect(page.getByRole('button', { name: '차단 해제' })).toBeVisible();
  await expect(page.getByRole('button', { name: '친구 추가' })).toHaveCount(0);
  await screenshot(page, 'member-card-blocked');

  await page.goto('/blocks');
  await expect(page.getByRole('list', { name: '차단한 회원 목록' }).getByText(neighbour.nickname)).toBeVisible();
  await screenshot(page, 'blocks');

  // 내정보: profile, the dog with its photo, the verified neighbourhood.
  await page.getByRole('link', { name: '내정보' }).click();
  await expect(page.getByText(member.nickname, { exact: true })).toBeVisible();
  await expect(page.getByText('진돗개 · 중형')).toBeVisible();
  await expect(page.getByText('서울특별시 종로구 청운효자동')).toBeVisible();
  await expect(page.getByText('인증됨')).toBeVisible();
  await screenshot(page, 'me');

  await page.getByRole('link', { name: '프로필 수정' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '프로필 수정' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '차분함' })).toBeChecked();
  await screenshot(page, 'me-edit');

  await page.goto('/me');
  await page.getByRole('link', { name: '콩이 정보 수정' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '콩이 정보 수정' })).toBeVisible();
  await screenshot(page, 'dog-edit');
});
