import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { translateProblem } from '@/lib/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { useSetHours } from '../api/corrections';
import { useHospital, useHospitalSearch } from '../api/hospitals';
import { NO_FILTERS, type HospitalDetail, type Interval } from '../api/types';

import './hospital.css';

interface DayRow {
  open: boolean;
  opens: string;
  closes: string;
}

function rowsFrom(detail: HospitalDetail): DayRow[] {
  return [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const interval = detail.hours.find((h) => h.weekday === day);
    return interval === undefined
      ? { open: false, opens: '09:00', closes: '18:00' }
      : { open: true, opens: interval.opens, closes: interval.closes };
  });
}

function WeekForm({ detail }: { detail: HospitalDetail }) {
  const { t, i18n } = useTranslation('hospital');
  const save = useSetHours();
  const [open24h, setOpen24h] = useState(detail.open_24h);
  const [rows, setRows] = useState<DayRow[]>(() => rowsFrom(detail));
  const days = t('weekdays', { returnObjects: true }) as string[];

  function update(day: number, change: Partial<DayRow>) {
    setRows((current) => current.map((row, index) => (index === day ? { ...row, ...change } : row)));
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const hours: Interval[] = rows.flatMap((row, weekday) =>
      row.open ? [{ weekday, opens: row.opens, closes: row.closes === '00:00' ? '24:00' : row.closes }] : [],
    );
    save.mutate({ hospitalId: detail.id, open24h, hours });
  }

  return (
    <form className="hours-editor__form" onSubmit={submit} aria-label={t('hoursEditor.formLabel', { name: detail.name })}>
      <h3>{detail.name}</h3>
      {save.isError && <FormAlert message={translateProblem(i18n, save.error)} />}
      {save.isSuccess && <p role="status">{t('hoursEditor.saved')}</p>}
      <label className="correction-form__check">
        <input type="checkbox" checked={open24h} onChange={(event) => setOpen24h(event.target.checked)} />
        {t('correction.open24h')}
      </label>
      <table className="hours-editor__table">
        <thead>
          <tr>
            <th scope="col">{t('correction.weekday')}</th>
            <th scope="col">{t('hoursEditor.open')}</th>
            <th scope="col">{t('correction.opens')}</th>
            <th scope="col">{t('correction.closes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, day) => (
            <tr key={day}>
              <th scope="row">{days[day]}</th>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('hoursEditor.openOn', { day: days[day] })}
                  checked={row.open}
                  onChange={(event) => update(day, { open: event.target.checked })}
                />
              </td>
              <td>
                <input
                  type="time"
                  aria-label={t('hoursEditor.opensOn', { day: days[day] })}
                  value={row.opens}
                  disabled={!row.open}
                  onChange={(event) => update(day, { opens: event.target.value })}
                />
              </td>
              <td>
                <input
                  type="time"
                  aria-label={t('hoursEditor.closesOn', { day: days[day] })}
                  value={row.closes}
                  disabled={!row.open}
                  onChange={(event) => update(day, { closes: event.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button type="submit" isLoading={save.isPending}>
        {t('hoursEditor.save')}
      </Button>
    </form>
  );
}

/** Administrators find a hospital by name and set its weekly hours and 24-hour flag. */
export function HoursEditor() {
  const { t } = useTranslation('hospital');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const query = useDebouncedValue(name.trim(), 300);
  const matches = useHospitalSearch({ ...NO_FILTERS, name: query }, { enabled: query.length >= 2, limit: 10 });
  const detail = useHospital(chosen);

  return (
    <section className="hours-editor" aria-labelledby="hours-editor-title">
      <h2 id="hours-editor-title" className="correction-queue__title">
        {t('hoursEditor.title')}
      </h2>
      <FormField
        label={t('filters.name')}
        type="search"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setChosen(null);
        }}
      />
      {chosen === null && query.length >= 2 && matches.isSuccess && (
        <ul className="hours-editor__matches">
          {matches.data.pages[0]?.items.map((hospital) => (
            <li key={hospital.id}>
              <button type="button" className="hospital-action" onClick={() => setChosen(hospital.id)}>
                {hospital.name} · {hospital.district ?? hospital.province ?? ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {detail.isSuccess && <WeekForm key={detail.data.id} detail={detail.data} />}
    </section>
  );
}
