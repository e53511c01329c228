import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import './meetup.css';

import { Button } from '@/components/ui/button';
import { ChipGroup } from '@/components/ui/chips';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { SelectField } from '@/components/ui/select-field';
import { LoadingState } from '@/components/ui/states';
import { Switch } from '@/components/ui/switch';
import { translateProblem } from '@/lib/i18n';

import { useCreateMeetup, useMeetupSettings } from '../api/meetups';
import type { DogSize } from '../api/types';
import { durationLabel } from '../utils/durations';
import { DOG_SIZES } from '../utils/filters';
import { localInputValue } from '../utils/format';

import { MeetupMap } from './meetup-map';

/** Hosting a 번개: what, when (now or a time), how long, where on the map, who. */
export function MeetupForm() {
  const { t, i18n } = useTranslation('meetup');
  const navigate = useNavigate();
  const settings = useMeetupSettings();
  const create = useCreateMeetup();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [startsNow, setStartsNow] = useState(false);
  const [start, setStart] = useState(() => localInputValue(new Date(Date.now() + 3 * 3600_000)));
  const [duration, setDuration] = useState<number | null>(null);
  const [placeName, setPlaceName] = useState('');
  const [position, setPosition] = useState<[number, number] | null>(null);
  const [capacity, setCapacity] = useState('4');
  const [approval, setApproval] = useState(false);
  const [sizes, setSizes] = useState<DogSize[]>([...DOG_SIZES]);
  const [quiet, setQuiet] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (settings.isPending) return <LoadingState />;
  const durations = settings.data?.durations_minutes ?? [60];
  const chosenDuration = duration ?? (durations.includes(60) ? 60 : (durations[0] ?? 60));
  const quietMax = settings.data?.quiet_max_capacity ?? 4;

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    if (position === null) {
      setProblem(t('new.pickPlace'));
      return;
    }
    create.mutate(
      {
        title,
        body,
        starts_at: (startsNow ? new Date() : new Date(start)).toISOString(),
        duration_minutes: chosenDuration,
        place_name: placeName,
        latitude: position[0],
        longitude: position[1],
        capacity: Number(capacity),
        approval_required: approval,
        dog_sizes: sizes,
        quiet,
      },
      {
        onSuccess: (meetup) => void navigate(`/meetups/${meetup.id}`),
        onError: (error) => setProblem(translateProblem(i18n, error)),
      },
    );
  }

  return (
    <form className="meetup-form card" onSubmit={submit} noValidate>
      <FormAlert message={problem} />
      <FormField label={t('new.title')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={60} />
      <label className="meetup-form__text">
        <span>{t('new.body')}</span>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={2000} />
      </label>
      <Switch label={t('new.now')} checked={startsNow} onChange={setStartsNow} />
      {!startsNow && (
        <FormField
          label={t('new.start')}
          type="datetime-local"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          required
        />
      )}
      <SelectField
        label={t('new.duration')}
        value={String(chosenDuration)}
        onChange={(e) => setDuration(Number(e.target.value))}
        options={durations.map((minutes) => ({ value: String(minutes), label: durationLabel(minutes, t) }))}
      />
      <FormField label={t('new.place')} value={placeName} onChange={(e) => setPlaceName(e.target.value)} required maxLength={80} />
      <p className="meetup-form__hint" id="meetup-map-hint">
        {position === null ? t('new.mapHint') : t('new.mapPicked')}
      </p>
      <MeetupMap
        centre={settings.data?.my_centre ?? null}
        highlightSgg={settings.data?.my_region_code?.slice(0, 5) ?? null}
        pick={{ value: position, onPick: setPosition }}
        label={t('new.mapLabel')}
      />
      <FormField
        label={t('new.capacity')}
        type="number"
        inputMode="numeric"
        min={2}
        max={quiet ? quietMax : 30}
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
        hint={quiet ? t('new.quietHint', { max: quietMax }) : t('new.capacityHint')}
      />
      <ChipGroup
        legend={t('new.sizes')}
        options={DOG_SIZES.map((size) => ({ value: size, label: t(`size.${size}`) }))}
        selected={sizes}
        onChange={(next) => setSizes(next as DogSize[])}
      />
      <Switch label={t('new.approval')} checked={approval} onChange={setApproval} />
      <Switch label={t('new.quiet')} checked={quiet} onChange={setQuiet} />
      <Button type="submit" block isLoading={create.isPending}>
        {t('new.submit')}
      </Button>
    </form>
  );
}
