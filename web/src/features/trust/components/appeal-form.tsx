import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';

import { useFileAppeal } from '../api/history';
import { trustProblemMessage } from '../utils/problem-message';

interface AppealFormProps {
  reportId: string;
  onDone: () => void;
  onCancel: () => void;
}

/** One appeal per upheld report, with a text for the administrator; it then shows as 검토 중. */
export function AppealForm({ reportId, onDone, onCancel }: AppealFormProps) {
  const { t, i18n } = useTranslation('trust');
  const textId = useId();
  const appeal = useFileAppeal();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    appeal.mutate({ reportId, text: text.trim() }, { onSuccess: onDone });
  }

  return (
    <form className="trust-form" onSubmit={submit} noValidate aria-label={t('appeal.title')}>
      <p className="trust-field__hint">{t('appeal.lead')}</p>
      {appeal.isError && <FormAlert message={trustProblemMessage(i18n, appeal.error)} />}
      <div className="trust-field">
        <label className="trust-field__label" htmlFor={textId}>
          {t('appeal.text')}
        </label>
        <textarea
          id={textId}
          className="trust-field__textarea"
          value={text}
          maxLength={2000}
          aria-invalid={missing}
          aria-describedby={`${textId}-hint${missing ? ` ${textId}-error` : ''}`}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={`${textId}-hint`} className="trust-field__hint">
          {t('appeal.textHint')}
        </p>
        {missing && (
          <p id={`${textId}-error`} className="trust-field__error">
            {t('appeal.required')}
          </p>
        )}
      </div>
      <div className="trust-actions">
        <Button type="submit" isLoading={appeal.isPending}>
          {t('appeal.submit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('appeal.cancel')}
        </Button>
      </div>
    </form>
  );
}
