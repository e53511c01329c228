import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { PhotoUpload, type PhotoValue } from '@/components/media/photo-upload';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { Segmented } from '@/components/ui/segmented';
import { translateProblem } from '@/lib/i18n';

import { useCreateClub } from '../api/clubs';
import { TOPICS, type ClubCreate, type ScheduleCreate, type Topic } from '../api/types';

import { WEEKDAY_CODES } from './format';
import './club.css';

/** Only the club's information and its first schedule, as the notes ask. */
export function ClubCreateForm({ regionName }: { regionName: string | null }) {
  const { t, i18n } = useTranslation('club');
  const navigate = useNavigate();
  const create = useCreateClub();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [topic, setTopic] = useState<Topic>('walk');
  const [joinMode, setJoinMode] = useState<'open' | 'approval'>('open');
  const [cover, setCover] = useState<PhotoValue | null>(null);
  const [scheduleTitle, setScheduleTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [capacity, setCapacity] = useState('');
  const [weekly, setWeekly] = useState(false);
  const [weeks, setWeeks] = useState('8');

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const schedules: ScheduleCreate[] = [];
    if (startsAt !== '' && place.trim() !== '') {
      const start = new Date(startsAt);
      schedules.push({
        title: scheduleTitle.trim() || title.trim(),
        starts_at: start.toISOString(),
        place_name: place.trim(),
        capacity: capacity === '' ? null : Number(capacity),
        recurrence: weekly
          ? { frequency: 'weekly', interval: 1, weekdays: [WEEKDAY_CODES[start.getDay()] ?? 'SA'], count: Number(weeks) }
          : null,
      });
    }
    const body: ClubCreate = {
      title: title.trim(),
      text: text.trim(),
      topic,
      join_mode: joinMode,
      cover_media_id: cover?.id ?? null,
      schedules,
    };
    create.mutate(body, { onSuccess: (club) => void navigate(`/clubs/${club.id}`) });
  }

  return (
    <form className="club-form" onSubmit={submit} noValidate>
      {regionName !== null && <p className="clubs__muted">{t('form.region', { region: regionName })}</p>}
      <FormField label={t('form.title')} value={title} onChange={(e) => setTitle(e.target.value)} required minLength={2} maxLength={60} />
      <label className="field">
        <span className="field__label">{t('form.text')}</span>
        <textarea className="field__input club-form__text" value={text} onChange={(e) => setText(e.target.value)} required maxLength={2000} rows={4} />
      </label>
      <label className="field">
        <span className="field__label">{t('topicLabel')}</span>
        <select className="field__input" value={topic} onChange={(e) => setTopic(e.target.value as Topic)}>
          {TOPICS.map((value) => (
            <option key={value} value={value}>
              {t(`topics.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <Segmented
        legend={t('joinMode.label')}
        options={[
          { value: 'open', label: t('joinMode.open') },
          { value: 'approval', label: t('joinMode.approval') },
        ]}
        value={joinMode}
        onChange={setJoinMode}
      />
      <PhotoUpload label={t('form.cover')} purpose="club_photo" value={cover} onChange={setCover} name={title || '소'} fallback="paw" />
      <fieldset className="club-form__schedule">
        <legend>{t('form.firstSchedule')}</legend>
        <FormField label={t('form.scheduleTitle')} value={scheduleTitle} onChange={(e) => setScheduleTitle(e.target.value)} maxLength={60} />
        <FormField label={t('form.startsAt')} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        <FormField label={t('form.place')} placeholder={t('form.placePlaceholder')} value={place} onChange={(e) => setPlace(e.target.value)} maxLength={100} />
        <FormField label={t('form.capacity')} type="number" min={1} max={500} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        <label className="club-form__check">
          <input type="checkbox" checked={weekly} onChange={(e) => setWeekly(e.target.checked)} />
          <span>{t('form.weekly')}</span>
        </label>
        {weekly && (
          <FormField label={t('form.weeks')} type="number" min={2} max={52} value={weeks} onChange={(e) => setWeeks(e.target.value)} />
        )}
      </fieldset>
      {create.isError && <FormAlert message={translateProblem(i18n, create.error)} />}
      <Button type="submit" block isLoading={create.isPending} disabled={title.trim().length < 2 || text.trim() === ''}>
        {t('form.submit')}
      </Button>
    </form>
  );
}
