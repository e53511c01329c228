import { waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';

import { getAccessToken } from '@/lib/api-client';
import { CHEONGUN, mockGeolocation } from '@/testing/geolocation';
import { db, seedSignedInMember } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp, screen } from '@/testing/test-utils';

function tokenClaims(): Record<string, unknown> {
  const payload = getAccessToken()?.split('.')[1] ?? '';
  return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
}

async function startOnboarding(url = '/') {
  const account = seedSignedInMember({ nickname: '콩이아빠', onboarded: false });
  const app = renderApp(url);
  await screen.findByRole('heading', { level: 1, name: '콩이아빠님, 반가워요!' });
  // The trait catalogue loads before the form appears.
  await screen.findByRole('checkbox', { name: '차분함' });
  return { ...app, account };
}

describe('onboarding', () => {
  it('sends a member who has not finished onboarding from any page to /onboarding', async () => {
    const { router } = await startOnboarding('/friends');

    expect(router.state.location.pathname).toBe('/onboarding');
    expect(screen.getByRole('heading', { level: 2, name: '나에 대해 알려 주세요' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: '주요 메뉴' })).not.toBeInTheDocument();
    const steps = screen.getByRole('navigation', { name: '가입 진행 단계 (1/3)' });
    expect(within(steps).getByText('나').closest('li')).toHaveAttribute('aria-current', 'step');
  });

  it('asks for at least one owner trait before moving on', async () => {
    const { user } = await startOnboarding();

    await user.click(screen.getByRole('button', { name: '다음' }));

    expect(await screen.findByText('성향을 하나 이상 골라 주세요.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '나에 대해 알려 주세요' })).toBeInTheDocument();
  });

  it('walks through traits, a dog and the neighbourhood, then waits for the onb claim and goes home', async () => {
    db.onbClaimDelay = 2;
    const geolocation = mockGeolocation(CHEONGUN);
    const { user, router, account } = await startOnboarding();

    // Step 1: owner traits, birth year and gender with their switches.
    await user.click(screen.getByRole('checkbox', { name: '차분함' }));
    await user.click(screen.getByRole('checkbox', { name: '아침형' }));
    await user.selectOptions(screen.getByLabelText('출생 연도'), '1990');
    await user.click(screen.getByRole('switch', { name: '나이 공개' }));
    await user.click(screen.getByRole('radio', { name: '남성' }));
    await user.click(screen.getByRole('button', { name: '다음' }));

    // Step 2: the first dog.
    expect(await screen.findByRole('heading', { level: 2, name: '함께하는 강아지를 소개해 주세요' })).toBeInTheDocument();
    expect(db.profiles.get(account.id)).toMatchObject({
      owner_traits: ['calm', 'early_bird'],
      birth_year: 1990,
      age_public: true,
      gender: 'male',
      gender_public: false,
    });
    await user.type(await screen.findByLabelText('이름'), '콩이');
    await user.type(screen.getByLabelText('견종'), '진돗');
    await user.click(await screen.findByRole('radio', { name: '진돗개' }));
    await user.click(screen.getByRole('radio', { name: '중형' }));
    await user.click(screen.getByRole('checkbox', { name: '산책 좋아함' }));
    await user.click(screen.getByRole('radio', { name: '3' }));
    await user.click(screen.getByRole('switch', { name: '짖음 공개 여부' }));
    await user.click(screen.getByRole('button', { name: '다음' }));

    // Step 3: the neighbourhood.
    expect(await screen.findByRole('heading', { level: 2, name: '우리 동네를 인증해 주세요' })).toBeInTheDocument();
    const dog = db.profiles.get(account.id)?.dogs[0];
    expect(dog).toMatchObject({ name: '콩이', breed: 'jindo', size: 'medium', traits: ['loves_walks'], energy_level: 3 });
    expect(dog?.public_fields).toContain('barks');
    expect(dog?.public_fields).not.toContain('muzzle');

    await user.type(screen.getByLabelText('동네 검색'), '청운');
    await user.click(await screen.findByRole('radio', { name: /청운효자동/ }));
    await user.click(screen.getByRole('button', { name: '현재 위치로 인증하고 시작하기' }));

    expect(await screen.findByRole('heading', { name: '안녕하세요, 콩이아빠님!' }, { timeout: 8000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(geolocation).toHaveBeenCalledTimes(1);
    expect(tokenClaims().onb).toBe(true);
    expect(db.profiles.get(account.id)?.onboarding.completed).toBe(true);
  });

  it('says so in Korean when the position is outside the chosen 동', async () => {
    mockGeolocation({ latitude: 35.1796, longitude: 129.0756 });
    const { user } = await startOnboarding();
    await reachNeighbourhoodStep(user);

    await user.type(screen.getByLabelText('동네 검색'), '청운');
    await user.click(await screen.findByRole('radio', { name: /청운효자동/ }));
    await user.click(screen.getByRole('button', { name: '현재 위치로 인증하고 시작하기' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '현재 위치가 고른 동네 밖이에요. 그 동네 안에서 다시 인증해 주세요.',
    );
  });

  it('explains how to allow location access when permission is denied', async () => {
    mockGeolocation({ error: 1 });
    const { user } = await startOnboarding();
    await reachNeighbourhoodStep(user);

    await user.type(screen.getByLabelText('동네 검색'), '청운');
    await user.click(await screen.findByRole('radio', { name: /청운효자동/ }));
    await user.click(screen.getByRole('button', { name: '현재 위치로 인증하고 시작하기' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('위치 권한이 꺼져 있어요.');
  });

  it('tells the member when the neighbourhood data is missing on the server', async () => {
    mockGeolocation(CHEONGUN);
    server.use(http.post('*/api/v1/members/me/neighbourhood', () => problem(503, 'member.region_data_missing')));
    const { user } = await startOnboarding();
    await reachNeighbourhoodStep(user);

    await user.type(screen.getByLabelText('동네 검색'), '청운');
    await user.click(await screen.findByRole('radio', { name: /청운효자동/ }));
    await user.click(screen.getByRole('button', { name: '현재 위치로 인증하고 시작하기' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('동네 정보가 아직 준비되지 않아');
  });

  it('refreshes a session whose token still lacks onb for a completed profile, then lets the member in', async () => {
    const account = seedSignedInMember({ nickname: '콩이아빠' });
    db.onboardedClaims.delete(account.id);
    db.pendingOnbClaims.set(account.id, 1);
    const { router } = renderApp('/me');

    expect(await screen.findByRole('heading', { name: '안녕하세요, 콩이아빠님!' }, { timeout: 8000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(tokenClaims().onb).toBe(true);
  });

  it('re-verifies the neighbourhood from 내정보', async () => {
    mockGeolocation(CHEONGUN);
    const account = seedSignedInMember();
    const { user, router } = renderApp('/me/neighbourhood');

    await user.type(await screen.findByLabelText('동네 검색'), '청운');
    await user.click(await screen.findByRole('radio', { name: /청운효자동/ }));
    await user.click(screen.getByRole('button', { name: '현재 위치로 인증' }));

    expect(await screen.findByRole('heading', { level: 1, name: '내정보' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/me');
    expect(db.profiles.get(account.id)?.neighbourhood?.code).toBe('1111051500');
  });

  it('resumes at the first open step', async () => {
    const account = seedSignedInMember({ nickname: '콩이아빠', onboarded: false });
    const profile = db.profiles.get(account.id)!;
    profile.owner_traits = ['calm'];
    profile.onboarding.traits = true;
    renderApp('/onboarding');

    expect(await screen.findByRole('heading', { level: 2, name: '함께하는 강아지를 소개해 주세요' })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByRole('navigation', { name: '가입 진행 단계 (2/3)' })).toBeInTheDocument();
    });
  });
});

async function reachNeighbourhoodStep(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('checkbox', { name: '차분함' }));
  await user.click(screen.getByRole('button', { name: '다음' }));
  await screen.findByRole('heading', { level: 2, name: '함께하는 강아지를 소개해 주세요' });
  await user.type(await screen.findByLabelText('이름'), '콩이');
  await user.click(await screen.findByRole('radio', { name: '말티즈' }));
  await user.click(screen.getByRole('radio', { name: '소형' }));
  await user.click(screen.getByRole('checkbox', { name: '활발함' }));
  await user.click(screen.getByRole('button', { name: '다음' }));
  await screen.findByRole('heading', { level: 2, name: '우리 동네를 인증해 주세요' });
}
