import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';

import { useDecideReport } from '../../api/moderation';
import type { ReportDetail } from '../../api/types';
import { trustProblemMessage } from '../../utils/problem-message';
import { PENALTY_CHOICES } from '../../utils/report-types';

/** Uphold (with the policy's penalty, or one the administrator picks) or dismiss, always with a note. */
export function DecisionForm({ report }: { report: ReportDetail }) {
  const { t, i18n } = useTranslation('trust');
  const noteId = useId();
  const decide = useDecideReport();
  const [note, setNote] = useState('');
  const [penalty, setPenalty] = useState('0');
  const [noteMissing, setNoteMissing] = useState(false);
  // 이성 문제 and 강아지 문제 take the policy's penalty at the member's tier; the others, a choice.
  const fixed = report.fixed_penalty;

  function decideWith(uphold: boolean) {
    if (note.trim() === '') {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    const chosen = Number(penalty);
    decide.mutate({ reportId: report.id, uphold, note: note.trim(), penalty: fixed === null && chosen > 0 ? chosen : null });
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    decideWith(true);
  }

  return (
    <form className="card trust-form" onSubmit={submit} noValidate aria-labelledby={`${noteId}-title`}>
      <h3 id={`${noteId}-title`} className="trust-section__title">
        {t('moderation.decideTitle')}
      </h3>
      {decide.isError && <FormAlert message={trustProblemMessage(i18n, decide.error)} />}
      {fixed !== null ? (
        <p className="trust-field__hint">
          {t('moderation.penalty')}: {t('moderation.penaltyFixed', { n: fixed })}
        </p>
      ) : (
        <SelectField
          label={t('moderation.penalty')}
          value={penalty}
          onChange={(event) => setPenalty(event.target.value)}
          options={PENALTY_CHOICES.map((points) => ({
            value: String(points),
            label: points === 0 ? t('moderation.penaltyNone') : t('moderation.penaltyPoints', { n: points }),
          }))}
        />
      )}
      <div className="trust-field">
        <label className="trust-field__label" htmlFor={noteId}>
          {t('moderation.note')}
        </label>
        <textarea
          id={noteId}
          className="trust-field__textarea"
          value={note}
          maxLength={500}
          aria-invalid={noteMissing}
          aria-describedby={noteMissing ? `${noteId}-error` : undefined}
          onChange={(event) => setNote(event.target.value)}
        />
        {noteMissing && (
          <p id={`${noteId}-error`} className="trust-field__error">
            {t('moderation.noteRequired')}
          </p>
        )}
      </div>
      <div className="trust-actions">
        <Button type="submit" isLoading={decide.isPending && decide.variables.uphold} disabled={decide.isPending}>
          {t('moderation.uphold')}
        </Button>
        <Button
          variant="secondary"
          isLoading={decide.isPending && !decide.variables.uphold}
          disabled={decide.isPending}
          onClick={() => decideWith(false)}
        >
          {t('moderation.dismiss')}
        </Button>
      </div>
    </form>
  );
}
