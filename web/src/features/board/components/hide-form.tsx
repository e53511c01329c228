import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

/** An administrator's "hide, because …": the reason goes into the moderation log. */
export function HideForm({ onHide, isPending }: { onHide: (reason: string) => void; isPending: boolean }) {
  const { t } = useTranslation('board');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" className="comment__action" onClick={() => setOpen(true)}>
        {t('post.hide')}
      </button>
    );
  }
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() !== '') onHide(reason.trim());
  }
  return (
    <form className="hide-form" onSubmit={submit}>
      <label htmlFor={id}>{t('post.hideReason')}</label>
      <input id={id} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
      <Button type="submit" variant="secondary" isLoading={isPending} disabled={reason.trim() === ''}>
        {t('post.hide')}
      </Button>
    </form>
  );
}
