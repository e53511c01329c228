import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { mockGeolocation } from '@/testing/geolocation';
import { issueToken, seedSignedInMember } from '@/testing/mocks/db';
import { hospitalState, makeHospital } from '@/testing/mocks/hospital-handlers';
import { renderApp, renderWithProviders, screen } from '@/testing/test-utils';

import { EmergencyView } from '../emergency-view';

function signIn() {
  const me = seedSignedInMember({ nickname: '보리맘' });
  setAccessToken(issueToken(me.id).access_token);
}

function seed() {
  makeHospital({ name: '먼병원', open_now: true, phone: '031-111-2222', latitude: 37.3, longitude: 127.1 });
  makeHospital({ name: '가까운병원', open_now: true, phone: '02-333-4444', latitude: 37.5, longitude: 127.03 });
  makeHospital({ name: '닫힌병원', open_now: false, latitude: 37.5, longitude: 127.031 });
}

describe('EmergencyView', () => {
  it('lists hospitals open now, nearest first, each with a call button', async () => {
    signIn();
    seed();
    mockGeolocation({ latitude: 37.5001, longitude: 127.0301 });
    renderWithProviders(<EmergencyView />, { url: '/hospitals/emergency' });

    const list = await screen.findByRole('list', { name: '동물병원 목록' });
    const cards = within(list).getAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual(['가까운병원', '먼병원']);
    expect(within(cards[0] as HTMLElement).getByRole('link', { name: '가까운병원에 전화하기' })).toHaveAttribute(
      'href',
      'tel:023334444',
    );
    expect(within(cards[0] as HTMLElement).getByText(/m 거리$/)).toBeInTheDocument();
    const sent = hospitalState.searches.at(-1);
    expect(sent?.get('open_now')).toBe('true');
    expect(sent?.get('sort')).toBe('distance');
  });

  it('still lists the open hospitals when the position is refused, and can ask again', async () => {
    signIn();
    seed();
    mockGeolocation({ error: 1 });
    const { user } = renderWithProviders(<EmergencyView />, { url: '/hospitals/emergency' });

    expect(await screen.findByRole('alert')).toHaveTextContent('위치 권한이 꺼져 있어요');
    const list = await screen.findByRole('list', { name: '동물병원 목록' });
    expect(within(list).getAllByRole('article')).toHaveLength(2);
    mockGeolocation({ latitude: 37.5, longitude: 127.03 });
    await user.click(screen.getByRole('button', { name: '다시 시도' }));
    await waitFor(() => {
      expect(hospitalState.searches.at(-1)?.get('sort')).toBe('distance');
    });
  });

  it('says when nothing is open', async () => {
    signIn();
    makeHospital({ name: '닫힌병원', open_now: false });
    mockGeolocation({ latitude: 37.5, longitude: 127.03 });
    renderWithProviders(<EmergencyView />, { url: '/hospitals/emergency' });
    expect(await screen.findByRole('heading', { name: '지금 문 연 병원을 찾지 못했어요' })).toBeInTheDocument();
  });
});

describe('Home', () => {
  it('shows the hospitals open now and one-tap emergency', async () => {
    signIn();
    seed();
    mockGeolocation({ latitude: 37.5, longitude: 127.03 });
    const { user, router } = renderApp('/');

    const card = await screen.findByRole('region', { name: '지금 문 연 병원' });
    expect(await within(card).findByText('지금 진료 중인 병원 2곳')).toBeInTheDocument();
    await user.click(within(card).getByRole('link', { name: '응급: 지금 문 연 가까운 병원' }));
    expect(router.state.location.pathname).toBe('/hospitals/emergency');
    expect(await screen.findByRole('heading', { level: 1, name: '응급 – 지금 문 연 병원' })).toBeInTheDocument();
  });
});
