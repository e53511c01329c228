import { dayKey, parseDayKey } from '@/components/calendar/days';

import type { DogSize, MeetupFilters, Region, TimeOfDay } from '../api/types';

export const TIMES_OF_DAY: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening', 'night'];
export const DOG_SIZES: readonly DogSize[] = ['small', 'medium', 'large'];
export const REGIONS: readonly Region[] = ['dong', 'sgg', 'distance'];
export const DISTANCES_KM: readonly number[] = [1, 3, 5, 10];

export const DEFAULT_FILTERS: MeetupFilters = {
  region: 'sgg',
  distanceKm: 3,
  timeOfDay: null,
  freeOnly: false,
  dogSize: null,
  quiet: false,
};

export type CalendarView = 'month' | 'week';

export interface CalendarState {
  filters: MeetupFilters;
  day: Date;
  view: CalendarView;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The calendar's state from the URL (anything unknown falls back to the default). */
export function readCalendarState(params: URLSearchParams, today: Date): CalendarState {
  const distance = Number(params.get('km'));
  return {
    filters: {
      region: oneOf(params.get('region'), REGIONS) ?? DEFAULT_FILTERS.region,
      distanceKm: DISTANCES_KM.includes(distance) ? distance : DEFAULT_FILTERS.distanceKm,
      timeOfDay: oneOf(params.get('time'), TIMES_OF_DAY),
      freeOnly: params.get('free') === '1',
      dogSize: oneOf(params.get('size'), DOG_SIZES),
      quiet: params.get('quiet') === '1',
    },
    day: parseDayKey(params.get('day') ?? '') ?? today,
    view: params.get('view') === 'week' ? 'week' : 'month',
  };
}

/** The URL of a calendar state; defaults are left out so shared links stay short. */
export function writeCalendarState({ filters, day, view }: CalendarState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('day', dayKey(day));
  if (view === 'week') params.set('view', 'week');
  if (filters.region !== DEFAULT_FILTERS.region) params.set('region', filters.region);
  if (filters.region === 'distance') params.set('km', String(filters.distanceKm));
  if (filters.timeOfDay !== null) params.set('time', filters.timeOfDay);
  if (filters.freeOnly) params.set('free', '1');
  if (filters.dogSize !== null) params.set('size', filters.dogSize);
  if (filters.quiet) params.set('quiet', '1');
  return params;
}
