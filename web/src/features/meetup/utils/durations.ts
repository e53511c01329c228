import type { TFunction } from 'i18next';

/** "30분", "1시간 30분", and for a test server's short window "45초". */
export function durationLabel(minutes: number, t: TFunction): string {
  if (minutes < 1) return t('meetup:duration.seconds', { count: Math.round(minutes * 60) });
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (hours === 0) return t('meetup:duration.minutes', { count: rest });
  if (rest === 0) return t('meetup:duration.hours', { count: hours });
  return t('meetup:duration.hoursMinutes', { hours, minutes: rest });
}
