import { describe, expect, it } from 'vitest';

import { DEFAULT_FILTERS, readCalendarState, writeCalendarState } from '../filters';

const TODAY = new Date(2026, 11, 2);

describe('calendar state in the URL', () => {
  it('round-trips every filter', () => {
    const state = {
      filters: { region: 'distance', distanceKm: 5, timeOfDay: 'evening', freeOnly: true, dogSize: 'large', quiet: true },
      day: new Date(2026, 11, 24),
      view: 'week',
    } as const;
    const params = writeCalendarState(state);
    expect(params.toString()).toBe('day=2026-12-24&view=week&region=distance&km=5&time=evening&free=1&size=large&quiet=1');
    expect(readCalendarState(params, TODAY)).toEqual(state);
  });

  it('leaves defaults out and ignores what it does not know', () => {
    expect(writeCalendarState({ filters: DEFAULT_FILTERS, day: TODAY, view: 'month' }).toString()).toBe('day=2026-12-02');
    const read = readCalendarState(new URLSearchParams('day=2026-02-31&region=moon&km=7&size=huge'), TODAY);
    expect(read).toEqual({ filters: DEFAULT_FILTERS, day: TODAY, view: 'month' });
  });
});
