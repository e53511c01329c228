import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { handleModalKeys } from '@/components/ui/modal-keys';

import '@/components/ui/confirm-dialog.css';
import '@/components/ui/form-field.css';
import './admin.css';

export const MAX_REASON_LENGTH = 500;

interface ReasonDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  isPending?: boolean;
  /** An error from the action, shown inside the dialog. */
  error?: string | null | undefined;
  tone?: 'danger' | 'default';
}

/**
 * A modal that asks why before an admin action: the reason is required and goes
 * into the audit log. Focus starts in the reason box, stays inside while open,
 * Escape cancels, and focus goes back where it was.
 */
export function ReasonDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  isPending = false,
  error,
  tone = 'default',
}: ReasonDialogProps) {
  const { t } = useTranslation('admin');
  const titleId = useId();
  const messageId = useId();
  const reasonId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    field.current?.focus();
    return () => {
      previous?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    handleModalKeys(event, { onCancel, isPending });
  };

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed === '') {
      setMissing(true);
      field.current?.focus();
      return;
    }
    onConfirm(trimmed);
  };

  const errorId = `${reasonId}-error`;
  return createPortal(
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={messageId}
        onKeyDown={onKeyDown}
        onSubmit={submit}
        noValidate
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <p id={messageId} className="dialog__message">
          {message}
        </p>
        <div className={missing ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={reasonId}>
            {t('reason.label')}
          </label>
          <textarea
            ref={field}
            id={reasonId}
            className="field__input admin-reason"
            rows={3}
            maxLength={MAX_REASON_LENGTH}
            required
            aria-invalid={missing}
            aria-describedby={missing ? errorId : undefined}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              if (event.target.value.trim() !== '') setMissing(false);
            }}
          />
          {missing && (
            <p id={errorId} className="field__error">
              {t('reason.required')}
            </p>
          )}
        </div>
        <FormAlert message={error} />
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onCancel} disabled={isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" className={tone === 'danger' ? 'button--danger' : undefined} isLoading={isPending}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </div>,
    document.body,
  );
}
