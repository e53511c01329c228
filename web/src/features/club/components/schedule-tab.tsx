import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ChevronLeftIcon, ChevronRightIcon } from '@/components/icons/icons';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useRsvp, useSchedules } from '../api/clubs';
import type { Club, Schedule } from '../api/types';

import { formatTime, seoulDay } from './format';
import { ScheduleForm } from './schedule-form';

function monthWindow(year: number, month: number): { from: string; before: string } {
  // Seoul is UTC+9 all year: a Seoul month starts at 15:00 UTC on the day before.
  const from = new Date(Date.UTC(year, month, 1) - 9 * 3600_000);
  const before = new Date(Date.UTC(year, month + 1, 1) - 9 * 3600_000);
  return { from: from.toISOString(), before: before.toISOString() };
}

/** The club's schedules month by month, each with its RSVP. */
export function ScheduleTab({ club, canManage }: { club: Club; canManage: boolean }) {
  const { t, i18n } = useTranslation('club');
  const now = new Date();
  const [month, setMonth] = useState({ year: now.getFullYear(), month: now.getMonth() });
  const [adding, setAdding] = useState(false);
  const window = monthWindow(month.year, month.month);
  const schedules = useSchedules(club.id, window.from, window.before);
  const rsvp = useRsvp(club.id);
  const label = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ko-KR', {
    year: 'numeric',
    month: 'long',
  }).format(new Date(month.year, month.month, 1));
  const step = (by: number) => {
    const next = new Date(month.year, month.month + by, 1);
    setMonth({ year: next.getFullYear(), month: next.getMonth() });
  };
  const byDay = new Map<string, Schedule[]>();
  for (const schedule of schedules.data?.items ?? []) {
    const day = seoulDay(schedule.starts_at);
    byDay.set(day, [...(byDay.get(day) ?? []), schedule]);
  }
  const dayLabel = (day: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ko-KR', {
      month: 'long',
      day: 'numeric',
      weekday: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`));

  return (
    <div className="club-schedule">
      <div className="club-schedule__month">
        <button type="button" className="icon-button" onClick={() => step(-1)} aria-label="이전 달">
          <ChevronLeftIcon size={20} />
        </button>
        <h3 aria-live="polite">{label}</h3>
        <button type="button" className="icon-button" onClick={() => step(1)} aria-label="다음 달">
          <ChevronRightIcon size={20} />
        </button>
      </div>
      {canManage && !adding && (
        <Button variant="secondary" block onClick={() => setAdding(true)}>
          {t('schedule.add')}
        </Button>
      )}
      {adding && <ScheduleForm clubId={club.id} onDone={() => setAdding(false)} />}
      {rsvp.isError && <FormAlert message={translateProblem(i18n, rsvp.error)} />}
      {schedules.isPending && <LoadingState />}
      {schedules.isError && <ErrorState message={t('loadError')} onRetry={() => void schedules.refetch()} />}
      {schedules.isSuccess && byDay.size === 0 && <p className="clubs__muted">{t('schedule.none')}</p>}
      <ol className="club-schedule__days">
        {[...byDay.entries()].map(([day, items]) => (
          <li key={day} className="club-schedule__day">
            <h4>{dayLabel(day)}</h4>
            <ul>
              {items.map((schedule) => {
                const full = schedule.capacity !== null && schedule.rsvp_count >= schedule.capacity;
                return (
                  <li key={schedule.id} className="club-schedule__item card" aria-label={schedule.title}>
                    <div>
                      <p className="club-schedule__title">
                        {formatTime(schedule.starts_at, i18n.language)} · {schedule.title}
                        {schedule.series_id !== null && <Badge>{t('schedule.repeats')}</Badge>}
                      </p>
                      <p className="clubs__muted">
                        {schedule.place_name} ·{' '}
                        {schedule.capacity === null
                          ? t('schedule.coming', { count: schedule.rsvp_count })
                          : t('schedule.comingOf', { count: schedule.rsvp_count, capacity: schedule.capacity })}
                      </p>
                    </div>
                    {club.my_role !== null && (
                      <Button
                        variant={schedule.i_rsvped ? 'secondary' : 'primary'}
                        disabled={!schedule.i_rsvped && full}
                        isLoading={rsvp.isPending && rsvp.variables.scheduleId === schedule.id}
                        onClick={() => rsvp.mutate({ scheduleId: schedule.id, coming: !schedule.i_rsvped })}
                      >
                        {schedule.i_rsvped ? t('schedule.cancel') : full ? t('schedule.full') : t('schedule.rsvp')}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
