import { endOfMonth, endOfWeek, isSameMonth, startOfMonth, startOfWeek } from 'date-fns';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import './meetup.css';

import { dayKey, WEEK_STARTS_ON } from '@/components/calendar/days';
import { MonthCalendar } from '@/components/calendar/month-calendar';
import { WeekStrip } from '@/components/calendar/week-strip';
import { Segmented } from '@/components/ui/segmented';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useCalendarDays, useMeetupList, useMeetupSettings } from '../api/meetups';
import type { MeetupFilters } from '../api/types';
import { readCalendarState, writeCalendarState, type CalendarState, type CalendarView } from '../utils/filters';

import { MeetupCard } from './meetup-card';
import { MeetupFilterBar } from './meetup-filters';
import { MeetupMap } from './meetup-map';

function gridRange(day: Date, view: CalendarView): [string, string] {
  if (view === 'week') {
    return [dayKey(startOfWeek(day, { weekStartsOn: WEEK_STARTS_ON })), dayKey(endOfWeek(day, { weekStartsOn: WEEK_STARTS_ON }))];
  }
  // The whole grid the month shows, outside days included.
  const first = startOfWeek(startOfMonth(day), { weekStartsOn: WEEK_STARTS_ON });
  const last = endOfWeek(endOfMonth(day), { weekStartsOn: WEEK_STARTS_ON });
  return [dayKey(first), dayKey(last)];
}

/** 번개 calendar: month (marks + the chosen day's list) or week, filters in the URL. */
export function MeetupFinder() {
  const { t, i18n } = useTranslation('meetup');
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => new Date(), []);
  const state = readCalendarState(params, today);
  const { filters, day, view } = state;
  const settings = useMeetupSettings();

  function update(next: Partial<CalendarState>) {
    setParams(writeCalendarState({ ...state, ...next }), { replace: true });
  }

  const [from, to] = gridRange(day, view);
  const days = useCalendarDays(filters, from, to);
  const counts = useMemo(
    () => Object.fromEntries((days.data?.days ?? []).map((entry) => [entry.date, entry.count])),
    [days.data],
  );
  const listFrom = view === 'week' ? from : dayKey(day);
  const listTo = view === 'week' ? to : dayKey(day);
  const list = useMeetupList(filters, listFrom, listTo);
  const meetups = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const points = useMemo(
    () => meetups.map((m) => ({ id: m.id, latitude: m.latitude, longitude: m.longitude, label: m.title })),
    [meetups],
  );
  const countLabel = (count: number) => t('calendar.count', { count });

  return (
    <div className="meetup-finder">
      <div className="meetup-finder__actions">
        <Link to="/meetups/new" className="button button--primary">
          <span>{t('new.open')}</span>
        </Link>
        <Link to="/meetups/mine" className="button button--secondary">
          <span>{t('mine.open')}</span>
        </Link>
      </div>
      <MeetupFilterBar filters={filters} onChange={(next: MeetupFilters) => update({ filters: next })} />
      <Segmented
        legend={t('calendar.view')}
        value={view}
        onChange={(next) => update({ view: next })}
        options={[
          { value: 'month', label: t('calendar.month') },
          { value: 'week', label: t('calendar.week') },
        ]}
      />
      {view === 'month' ? (
        <MonthCalendar
          month={day}
          onMonthChange={(month) => update({ day: isSameMonth(month, today) ? today : startOfMonth(month) })}
          selected={day}
          onSelect={(chosen) => update({ day: chosen })}
          counts={counts}
          countLabel={countLabel}
          language={i18n.language}
          label={t('calendar.label')}
        />
      ) : (
        <WeekStrip
          selected={day}
          onSelect={(chosen) => update({ day: chosen })}
          counts={counts}
          countLabel={countLabel}
          language={i18n.language}
          label={t('calendar.label')}
          previousLabel={t('calendar.previousWeek')}
          nextLabel={t('calendar.nextWeek')}
        />
      )}
      {days.isError && <p role="alert" className="meetup-finder__error">{translateProblem(i18n, days.error)}</p>}
      <section aria-labelledby="meetup-day-title" className="meetup-finder__list">
        <h2 id="meetup-day-title">
          {view === 'week'
            ? t('calendar.weekOf', { day: day.toLocaleDateString(i18n.language, { month: 'long', day: 'numeric' }) })
            : day.toLocaleDateString(i18n.language, { month: 'long', day: 'numeric', weekday: 'long' })}
        </h2>
        {list.isPending && <LoadingState message={t('list.loading')} />}
        {list.isError && (
          <ErrorState title={t('list.error')} message={translateProblem(i18n, list.error)} onRetry={() => void list.refetch()} />
        )}
        {list.isSuccess && meetups.length === 0 && (
          <EmptyState title={t('list.empty')} message={t('list.emptyHint')} />
        )}
        {meetups.length > 0 && (
          <ul className="meetup-list">
            {meetups.map((meetup) => (
              <MeetupCard key={meetup.id} meetup={meetup} timeOnly={view === 'month'} />
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <button type="button" className="button button--ghost" onClick={() => void list.fetchNextPage()}>
            <span>{t('list.more')}</span>
          </button>
        )}
      </section>
      {meetups.length > 0 && (
        <MeetupMap
          points={points}
          centre={settings.data?.my_centre ?? null}
          highlightSgg={settings.data?.my_region_code?.slice(0, 5) ?? null}
          label={t('map.listLabel')}
        />
      )}
    </div>
  );
}
