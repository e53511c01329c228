import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { Segmented } from '@/components/ui/segmented';
import { SelectField } from '@/components/ui/select-field';
import { translateProblem } from '@/lib/i18n';

import { useSuggestCorrection } from '../api/corrections';
import type { CorrectionKind, Hospital } from '../api/types';

interface CorrectionFormProps {
  hospital: Hospital;
  onClose: () => void;
}

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** A member tells the administrators what is wrong: hours, phone, or closed. */
export function CorrectionForm({ hospital, onClose }: CorrectionFormProps) {
  const { t, i18n } = useTranslation('hospital');
  const suggest = useSuggestCorrection(hospital.id);
  const [kind, setKind] = useState<CorrectionKind>('phone');
  const [phone, setPhone] = useState('');
  const [weekday, setWeekday] = useState('0');
  const [opens, setOpens] = useState('09:00');
  const [closes, setCloses] = useState('18:00');
  const [open24h, setOpen24h] = useState(false);
  const [note, setNote] = useState('');
  const dayNames = t('weekdays', { returnObjects: true }) as string[];

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    suggest.mutate({
      kind,
      note,
      ...(kind === 'phone' ? { phone } : {}),
      ...(kind === 'hours'
        ? { open_24h: open24h, hours: open24h ? [] : [{ weekday: Number(weekday), opens, closes }] }
        : {}),
    });
  }

  if (suggest.isSuccess) {
    return (
      <div className="correction-form" role="status">
        <p>{t('correction.sent')}</p>
        <Button variant="secondary" onClick={onClose}>
          {t('correction.cancel')}
        </Button>
      </div>
    );
  }

  return (
    <form className="correction-form" onSubmit={submit} aria-label={t('correction.title')}>
      <p className="correction-form__lead">{t('correction.lead')}</p>
      {suggest.isError && <FormAlert message={translateProblem(i18n, suggest.error)} />}
      <Segmented<CorrectionKind>
        legend={t('correction.kind')}
        value={kind}
        onChange={setKind}
        options={[
          { value: 'phone', label: t('correction.kindPhone') },
          { value: 'hours', label: t('correction.kindHours') },
          { value: 'closed', label: t('correction.kindClosed') },
        ]}
      />
      {kind === 'phone' && (
        <FormField
          label={t('correction.phone')}
          type="tel"
          inputMode="tel"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          required
        />
      )}
      {kind === 'hours' && (
        <div className="correction-form__hours">
          <label className="correction-form__check">
            <input type="checkbox" checked={open24h} onChange={(event) => setOpen24h(event.target.checked)} />
            {t('correction.open24h')}
          </label>
          {!open24h && (
            <>
              <SelectField
                label={t('correction.weekday')}
                value={weekday}
                onChange={(event) => setWeekday(event.target.value)}
                options={WEEKDAYS.map((day) => ({ value: String(day), label: dayNames[day] ?? String(day) }))}
              />
              <FormField label={t('correction.opens')} type="time" value={opens} onChange={(e) => setOpens(e.target.value)} />
              <FormField label={t('correction.closes')} type="time" value={closes} onChange={(e) => setCloses(e.target.value)} />
            </>
          )}
        </div>
      )}
      <FormField label={t('correction.note')} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      <div className="correction-form__buttons">
        <Button type="submit" isLoading={suggest.isPending}>
          {t('correction.send')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('correction.cancel')}
        </Button>
      </div>
    </form>
  );
}
