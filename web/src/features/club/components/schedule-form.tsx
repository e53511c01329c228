import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { translateProblem } from '@/lib/i18n';

import { useCreateSchedule } from '../api/clubs';

import { WEEKDAY_CODES } from './format';

/** Owner-admin and managers add a schedule, once or every week. */
export function ScheduleForm({ clubId, onDone }: { clubId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation('club');
  const create = useCreateSchedule(clubId);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [capacity, setCapacity] = useState('');
  const [weekly, setWeekly] = useState(false);
  const [weeks, setWeeks] = useState('8');

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const start = new Date(startsAt);
    create.mutate(
      {
        title: title.trim(),
        starts_at: start.toISOString(),
        place_name: place.trim(),
        capacity: capacity === '' ? null : Number(capacity),
        recurrence: weekly
          ? { frequency: 'weekly', interval: 1, weekdays: [WEEKDAY_CODES[start.getDay()] ?? 'SA'], count: Number(weeks) }
          : null,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="club-form card" onSubmit={submit} noValidate>
      <FormField label={t('form.scheduleTitle')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={60} />
      <FormField label={t('form.startsAt')} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
      <FormField label={t('form.place')} placeholder={t('form.placePlaceholder')} value={place} onChange={(e) => setPlace(e.target.value)} required />
      <FormField label={t('form.capacity')} type="number" min={1} max={500} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
      <label className="club-form__check">
        <input type="checkbox" checked={weekly} onChange={(e) => setWeekly(e.target.checked)} />
        <span>{t('form.weekly')}</span>
      </label>
      {weekly && <FormField label={t('form.weeks')} type="number" min={2} max={52} value={weeks} onChange={(e) => setWeeks(e.target.value)} />}
      {create.isError && <FormAlert message={translateProblem(i18n, create.error)} />}
      <Button type="submit" block isLoading={create.isPending} disabled={title.trim() === '' || startsAt === '' || place.trim() === ''}>
        {t('schedule.add')}
      </Button>
    </form>
  );
}
