import { describe, expect, it } from 'vitest';

import type { Hospital } from '../../api/types';
import { HospitalClusters, located } from '../clusters';
import { formatDistance, kakaoDirectionsUrl, telHref } from '../contact';

describe('contact helpers', () => {
  it('dials digits only', () => {
    expect(telHref('062-571-1275')).toBe('tel:0625711275');
    expect(telHref('0507-1375-5852')).toBe('tel:050713755852');
  });

  it('formats distances', () => {
    expect(formatDistance(350, 'ko')).toBe('350 m');
    expect(formatDistance(2449, 'en')).toBe('2.4 km');
    expect(formatDistance(23_600, 'ko')).toBe('24 km');
  });

  it('links directions only with a position', () => {
    expect(kakaoDirectionsUrl({ name: 'A, B', latitude: 37.5, longitude: 127 })).toBe(
      'https://map.kakao.com/link/to/A%20%20B,37.5,127',
    );
    expect(kakaoDirectionsUrl({ name: 'A', latitude: null, longitude: null })).toBeNull();
  });
});

function hospital(id: string, latitude: number | null, longitude: number | null): Hospital {
  return {
    id,
    name: id,
    phone: null,
    address: null,
    lot_address: null,
    province: null,
    district: null,
    latitude,
    longitude,
    open_24h: false,
    name_hint_24h: false,
    open_now: null,
    livestock: false,
    distance_m: null,
  };
}

describe('HospitalClusters', () => {
  it('groups close markers at low zoom and splits them when zoomed in', () => {
    const points = located([
      hospital('a', 37.5, 127.03),
      hospital('b', 37.5001, 127.0301),
      hospital('c', 35.16, 129.16),
      hospital('no-position', null, null),
    ]);
    expect(points).toHaveLength(3);
    const clusters = new HospitalClusters(points);
    const korea: [number, number, number, number] = [124, 33, 132, 39];
    const far = clusters.points(korea, 7);
    const cluster = far.find((point) => point.kind === 'cluster');
    expect(cluster).toMatchObject({ kind: 'cluster', count: 2 });
    expect(far.filter((point) => point.kind === 'hospital')).toHaveLength(1);
    if (cluster?.kind !== 'cluster') throw new Error('expected a cluster');
    expect(clusters.expansionZoom(cluster.id)).toBeGreaterThan(7);
    expect(clusters.points(korea, 18).every((point) => point.kind === 'hospital')).toBe(true);
  });
});
