import { http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api-client';

import { requireAccount, requireMember } from './auth-helpers';
import { db, nextId } from './db';
import { problem } from './handlers';

type Hospital = Schemas['HospitalDetailRead'];
type Correction = Schemas['HospitalCorrectionRead'];

/** The hospital API's data in the tests; reset after every test. */
export const hospitalState = {
  hospitals: [] as Hospital[],
  corrections: [] as Correction[],
  /** Query strings the search endpoint received (to check what the page sent). */
  searches: [] as URLSearchParams[],
  /** The signed-in member's verified 동 centre, as the hospital service knows it. */
  neighbourhoodCentre: null as { latitude: number; longitude: number } | null,
};

export function resetHospitals(): void {
  hospitalState.hospitals = [];
  hospitalState.corrections = [];
  hospitalState.searches = [];
  hospitalState.neighbourhoodCentre = null;
}

export function makeHospital(overrides: Partial<Hospital> = {}): Hospital {
  const hospital: Hospital = {
    id: nextId(),
    name: '튼튼동물병원',
    phone: '02-555-1234',
    address: '서울특별시 강남구 테헤란로 1',
    lot_address: '서울특별시 강남구 역삼동 1',
    province: '서울특별시',
    district: '강남구',
    latitude: 37.5,
    longitude: 127.03,
    open_24h: false,
    name_hint_24h: false,
    open_now: null,
    livestock: false,
    distance_m: null,
    hours: [],
    phone_as_registered: null,
    ...overrides,
  };
  hospitalState.hospitals.push(hospital);
  return hospital;
}

function metres(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((bLat - aLat) * rad) / 2) ** 2 +
    Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(((bLon - aLon) * rad) / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

function summary(hospital: Hospital): Schemas['HospitalRead'] {
  const { hours: _hours, phone_as_registered: _raw, ...rest } = hospital;
  return rest;
}

function requireAdmin(request: Request): { id: string } | { error: Response } {
  const caller = requireAccount(request);
  if ('error' in caller) return caller;
  if (!(db.grantedRoles.get(caller.id) ?? []).includes('admin')) {
    return { error: problem(403, 'auth.forbidden', { title: 'Not allowed' }) };
  }
  return caller;
}

function page<T>(items: T[], url: URL): { items: T[]; next_cursor: string | null } {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const start = Number(url.searchParams.get('cursor') ?? 0);
  const shown = items.slice(start, start + limit);
  return { items: shown, next_cursor: start + limit < items.length ? String(start + limit) : null };
}

function search(url: URL): Schemas['HospitalRead'][] {
  const q = url.searchParams;
  let found = hospitalState.hospitals.filter((h) => !h.livestock);
  const province = q.get('province');
  const district = q.get('district');
  const name = q.get('name');
  if (province !== null) found = found.filter((h) => h.province === province);
  if (district !== null) found = found.filter((h) => h.district === district);
  if (name !== null) found = found.filter((h) => h.name.includes(name));
  if (q.get('open_24h') === 'true') found = found.filter((h) => h.open_24h);
  if (q.get('open_now') === 'true') found = found.filter((h) => h.open_now === true);
  const home = q.get('from_neighbourhood') === 'true' ? hospitalState.neighbourhoodCentre : null;
  if (q.get('sort') === 'distance' || home !== null) {
    const lat = home?.latitude ?? Number(q.get('latitude'));
    const lon = home?.longitude ?? Number(q.get('longitude'));
    return found
      .filter((h) => h.latitude !== null && h.longitude !== null)
      .map((h) => ({ hospital: summary(h), distance: metres(lat, lon, h.latitude ?? 0, h.longitude ?? 0) }))
      .sort((a, b) => a.distance - b.distance)
      .map(({ hospital, distance }) => ({ ...hospital, distance_m: distance }));
  }
  return found.map(summary).sort((a, b) => a.name.localeCompare(b.name, 'ko'));
}

function counted(names: string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b, 'ko')).map(([name, count]) => ({ name, count }));
}

export const hospitalHandlers = [
  http.get('*/api/v1/hospitals', ({ request }) => {
    const caller = requireAccount(request);
    if ('error' in caller) return caller.error;
    const url = new URL(request.url);
    hospitalState.searches.push(url.searchParams);
    if (url.searchParams.get('sort') === 'distance' && !url.searchParams.has('latitude')) {
      return problem(422, 'hospital.position_required');
    }
    if (url.searchParams.get('from_neighbourhood') === 'true' && hospitalState.neighbourhoodCentre === null) {
      return problem(422, 'hospital.neighbourhood_unknown');
    }
    return HttpResponse.json(page(search(url), url));
  }),
  http.get('*/api/v1/hospital-provinces', ({ request }) => {
    const caller = requireAccount(request);
    if ('error' in caller) return caller.error;
    return HttpResponse.json(counted(hospitalState.hospitals.flatMap((h) => (h.province === null ? [] : [h.province]))));
  }),
  http.get('*/api/v1/hospital-provinces/:province/districts', ({ request, params }) => {
    const caller = requireAccount(request);
    if ('error' in caller) return caller.error;
    const inProvince = hospitalState.hospitals.filter((h) => h.province === params.province);
    return HttpResponse.json(counted(inProvince.flatMap((h) => (h.district === null ? [] : [h.district]))));
  }),
  http.get('*/api/v1/hospital-map', ({ request }) => {
    const caller = requireAccount(request);
    if ('error' in caller) return caller.error;
    return HttpResponse.json({ tile_url: null, attribution: '' });
  }),
  http.get('*/api/v1/hospitals/:hospitalId', ({ request, params }) => {
    const caller = requireAccount(request);
    if ('error' in caller) return caller.error;
    const hospital = hospitalState.hospitals.find((h) => h.id === params.hospitalId);
    return hospital === undefined ? problem(404, 'hospital.not_found') : HttpResponse.json(hospital);
  }),
  http.put('*/api/v1/hospitals/:hospitalId/hours', async ({ request, params }) => {
    const admin = requireAdmin(request);
    if ('error' in admin) return admin.error;
    const hospital = hospitalState.hospitals.find((h) => h.id === params.hospitalId);
    if (hospital === undefined) return problem(404, 'hospital.not_found');
    const body = (await request.json()) as Schemas['HospitalHoursUpdate'];
    if ((body.hours ?? []).some((i) => i.opens >= i.closes)) return problem(422, 'hospital.hours_invalid');
    hospital.open_24h = body.open_24h;
    hospital.hours = body.hours ?? [];
    return HttpResponse.json(hospital);
  }),
  http.post('*/api/v1/hospitals/:hospitalId/corrections', async ({ request, params }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    const hospital = hospitalState.hospitals.find((h) => h.id === params.hospitalId);
    if (hospital === undefined) return problem(404, 'hospital.not_found');
    const body = (await request.json()) as Schemas['HospitalCorrectionCreate'];
    if (body.kind === 'phone' && !/^0\d{1,2}-?\d{3,4}-?\d{4}$/.test((body.phone ?? '').replace(/\s/g, ''))) {
      return problem(422, 'hospital.phone_invalid');
    }
    const correction: Correction = {
      id: nextId(),
      hospital_id: hospital.id,
      hospital_name: hospital.name,
      kind: body.kind,
      phone: body.phone ?? null,
      hours: body.hours ?? null,
      open_24h: body.open_24h ?? null,
      note: body.note,
      status: 'pending',
      created_at: new Date().toISOString(),
      decided_at: null,
      decision_reason: '',
    };
    hospitalState.corrections.push(correction);
    return HttpResponse.json(correction, { status: 201 });
  }),
  http.get('*/api/v1/hospital-corrections', ({ request }) => {
    const admin = requireAdmin(request);
    if ('error' in admin) return admin.error;
    const url = new URL(request.url);
    return HttpResponse.json(page(hospitalState.corrections.filter((c) => c.status === 'pending'), url));
  }),
  http.post('*/api/v1/hospital-corrections/:correctionId/:verb', async ({ request, params }) => {
    const admin = requireAdmin(request);
    if ('error' in admin) return admin.error;
    const correction = hospitalState.corrections.find((c) => c.id === params.correctionId);
    if (correction === undefined) return problem(404, 'hospital.correction_not_found');
    if (correction.status !== 'pending') return problem(409, 'hospital.correction_decided');
    const body = (await request.json()) as { reason?: string };
    correction.status = params.verb === 'accept' ? 'accepted' : 'rejected';
    correction.decision_reason = body.reason ?? '';
    correction.decided_at = new Date().toISOString();
    return HttpResponse.json(correction);
  }),
];
