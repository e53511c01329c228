import { waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { mockGeolocation } from '@/testing/geolocation';
import { issueToken, seedSignedInMember } from '@/testing/mocks/db';
import { hospitalState, makeHospital } from '@/testing/mocks/hospital-handlers';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { HospitalFinder } from '../hospital-finder';

function signIn() {
  const me = seedSignedInMember({ nickname: '보리맘' });
  setAccessToken(issueToken(me.id).access_token);
}

function seedSeoul() {
  makeHospital({ name: '가나동물병원', district: '강남구', phone: '02-555-1234', latitude: 37.5, longitude: 127.03 });
  makeHospital({
    name: '24시 강남동물메디컬센터',
    district: '강남구',
    phone: '02-555-0024',
    open_24h: true,
    open_now: true,
    name_hint_24h: true,
    latitude: 37.51,
    longitude: 127.04,
  });
  makeHospital({ name: '서초동물병원', district: '서초구', address: '서울특별시 서초구 서초대로 3', latitude: 37.49, longitude: 127.0 });
  makeHospital({ name: '부산동물병원', province: '부산광역시', district: '해운대구', latitude: 35.16, longitude: 129.16 });
}

function cardNames(): string[] {
  const list = screen.getByRole('list', { name: '동물병원 목록' });
  return within(list)
    .getAllByRole('heading')
    .map((heading) => heading.textContent);
}

describe('HospitalFinder', () => {
  it('finds 24-hour hospitals in a district with the region pickers', async () => {
    signIn();
    seedSeoul();
    const { user } = renderWithProviders(<HospitalFinder />, { url: '/hospitals' });

    await screen.findByRole('heading', { name: '부산동물병원' });
    const province = screen.getByRole('combobox', { name: '시/도' });
    await screen.findByRole('option', { name: '서울특별시' });
    await user.selectOptions(province, '서울특별시');
    const district = screen.getByRole('combobox', { name: '시/군/구' });
    await screen.findByRole('option', { name: '강남구 (2)' });
    await user.selectOptions(district, '강남구');
    await waitFor(() => {
      expect(cardNames()).toEqual(['24시 강남동물메디컬센터', '가나동물병원']);
    });

    await user.click(screen.getByRole('button', { name: '24시간' }));
    await waitFor(() => {
      expect(cardNames()).toEqual(['24시 강남동물메디컬센터']);
    });
    const card = screen.getByRole('article', { name: '24시 강남동물메디컬센터' });
    expect(within(card).getByText('24시간 진료')).toBeInTheDocument();
    expect(within(card).getByText('진료 중')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: '24시 강남동물메디컬센터에 전화하기' })).toHaveAttribute(
      'href',
      'tel:025550024',
    );
    const last = hospitalState.searches.at(-1);
    expect(last?.get('province')).toBe('서울특별시');
    expect(last?.get('district')).toBe('강남구');
    expect(last?.get('open_24h')).toBe('true');
  });

  it('shows the 24시 in a name only as a hint, copies the address, links directions', async () => {
    signIn();
    makeHospital({ name: '24시 하늘동물병원', name_hint_24h: true, latitude: 37.5, longitude: 127.03 });
    const { user } = renderWithProviders(<HospitalFinder />, { url: '/hospitals' });

    const card = await screen.findByRole('article', { name: '24시 하늘동물병원' });
    expect(within(card).getByText("이름에 '24시'가 있어요 (확인되지 않음)")).toBeInTheDocument();
    expect(within(card).queryByText('24시간 진료')).not.toBeInTheDocument();
    expect(within(card).getByText('진료 시간 정보 없음')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: '카카오맵에서 24시 하늘동물병원 길찾기' })).toHaveAttribute(
      'href',
      `https://map.kakao.com/link/to/${encodeURIComponent('24시 하늘동물병원')},37.5,127.03`,
    );

    // user-event's clipboard stands in for the browser's; watch what is written to it.
    const written = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(within(card).getByRole('button', { name: '주소 복사' }));
    expect(await within(card).findByText('주소를 복사했어요')).toBeInTheDocument();
    expect(written).toHaveBeenCalledWith('서울특별시 강남구 테헤란로 1');
  });

  it('sorts nearest first from the device position, which it never puts in the address', async () => {
    signIn();
    seedSeoul();
    mockGeolocation({ latitude: 37.511, longitude: 127.041 });
    const { user, router } = renderWithProviders(<HospitalFinder />, { url: '/hospitals' });

    await screen.findByRole('heading', { name: '부산동물병원' });
    await user.click(screen.getByRole('button', { name: '가까운 순' }));
    await waitFor(() => {
      expect(cardNames()[0]).toBe('24시 강남동물메디컬센터');
    });
    expect(cardNames().at(-1)).toBe('부산동물병원');
    expect(screen.getByText('위치는 거리 계산에만 쓰고 저장하지 않아요.')).toBeInTheDocument();
    expect(hospitalState.searches.at(-1)?.get('sort')).toBe('distance');
    expect(router.state.location.search).not.toContain('37.5');
  });

  it("sorts nearest first from the member's 동 centre, or says to verify it first", async () => {
    signIn();
    seedSeoul();
    const { user } = renderWithProviders(<HospitalFinder />, { url: '/hospitals' });
    await screen.findByRole('heading', { name: '부산동물병원' });
    await user.click(screen.getByRole('button', { name: '우리 동네 가까운 순' }));
    expect(await screen.findByText('우리 동네 인증을 먼저 해 주세요. 또는 현재 위치로 찾아 보세요.')).toBeInTheDocument();

    hospitalState.neighbourhoodCentre = { latitude: 35.17, longitude: 129.17 };
    await user.click(screen.getByRole('button', { name: '다시 시도' }));
    await waitFor(() => {
      expect(cardNames()[0]).toBe('부산동물병원');
    });
    expect(hospitalState.searches.at(-1)?.get('from_neighbourhood')).toBe('true');
    expect(screen.getByRole('button', { name: '우리 동네 가까운 순' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('says so when the position is refused, and shows empty and error states', async () => {
    signIn();
    mockGeolocation({ error: 1 });
    const { user } = renderWithProviders(<HospitalFinder />, { url: '/hospitals?name=없는병원' });
    expect(await screen.findByRole('heading', { name: '조건에 맞는 병원이 없어요' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '가까운 순' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('위치 권한이 꺼져 있어요');
  });

  it('shows the results on a map with markers and no tile layer', async () => {
    signIn();
    seedSeoul();
    const { user } = renderWithProviders(<HospitalFinder />, { url: '/hospitals' });
    await screen.findByRole('heading', { name: '부산동물병원' });
    await user.click(screen.getByRole('radio', { name: '지도' }));
    // The map's code is loaded on demand.
    const map = await screen.findByTestId('hospital-map', {}, { timeout: 5000 });
    expect(map).toHaveAttribute('data-markers', '4');
    expect(screen.getByText('배경 지도 없이 위치만 표시해요.')).toBeInTheDocument();
    expect(map.querySelector('.leaflet-tile')).toBeNull();
    await waitFor(() => {
      expect(map.querySelectorAll('.leaflet-marker-icon').length).toBeGreaterThan(0);
    });
    expect(map).toHaveClass('hospital-map__canvas--plain');
  });
});
