import { addDays, format, startOfWeek } from 'date-fns';
import { enUS, ko } from 'date-fns/locale';

/** Korean calendars, like most, start the week on Sunday. */
export const WEEK_STARTS_ON = 0;

export function dateLocale(language: string) {
  return language.startsWith('en') ? enUS : ko;
}

/** The day as the API speaks it: yyyy-MM-dd (the device's calendar day). */
export function dayKey(day: Date): string {
  return format(day, 'yyyy-MM-dd');
}

/** A yyyy-MM-dd key back to a local date (midnight). */
export function parseDayKey(key: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (match === null) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(day.getTime()) || dayKey(day) !== key ? null : day;
}

/** The seven days of the week that holds ``day``, Sunday first. */
export function weekOf(day: Date): Date[] {
  const first = startOfWeek(day, { weekStartsOn: WEEK_STARTS_ON });
  return Array.from({ length: 7 }, (_, index) => addDays(first, index));
}
