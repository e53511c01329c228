import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';

import { useBanMember } from '../../api/moderation';
import { trustProblemMessage } from '../../utils/problem-message';

interface BanFormProps {
  memberId: string;
  nickname: string;
  /** Already banned (here or in the accounts admin): nothing to offer. */
  banned: boolean;
}

/** A permanent ban from the report itself (severe cases), with the reason for the audit log. */
export function BanForm({ memberId, nickname, banned }: BanFormProps) {
  const { t, i18n } = useTranslation('trust');
  const reasonId = useId();
  const ban = useBanMember();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  if (ban.isSuccess) return <p role="status">{t('moderation.banDone', { nickname })}</p>;
  if (banned) return null;
  if (!open) {
    return (
      <Button variant="ghost" className="button--danger-text" onClick={() => setOpen(true)}>
        {t('moderation.ban')}
      </Button>
    );
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    ban.mutate({ memberId, reason: reason.trim() });
  }

  return (
    <form className="card trust-form" onSubmit={submit} noValidate aria-labelledby={`${reasonId}-title`}>
      <h3 id={`${reasonId}-title`} className="trust-section__title">
        {t('moderation.banTitle', { nickname })}
      </h3>
      <p className="trust-field__hint">{t('moderation.banBody')}</p>
      {ban.isError && <FormAlert message={trustProblemMessage(i18n, ban.error)} />}
      <div className="trust-field">
        <label className="trust-field__label" htmlFor={reasonId}>
          {t('moderation.banReason')}
        </label>
        <textarea
          id={reasonId}
          className="trust-field__textarea"
          value={reason}
          maxLength={500}
          aria-invalid={missing}
          aria-describedby={missing ? `${reasonId}-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {missing && (
          <p id={`${reasonId}-error`} className="trust-field__error">
            {t('moderation.banReasonRequired')}
          </p>
        )}
      </div>
      <div className="trust-actions">
        <Button type="submit" isLoading={ban.isPending}>
          {t('moderation.ban')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t('appeal.cancel')}
        </Button>
      </div>
    </form>
  );
}
