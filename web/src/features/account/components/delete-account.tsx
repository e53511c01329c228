import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormField } from '@/components/ui/form-field';
import { translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';

import { DELETE_CONFIRMATION, useDeleteAccount, type MyAccount } from '../api/account';

import { clientFieldError } from './field-errors';

/** Problems the member fixes in the field rather than in the dialog. */
const FIELD_CODES = new Set(['identity.wrong_password', 'identity.delete_confirmation_required']);

interface DeleteAccountProps {
  account: MyAccount;
  /** Called once the account is gone (the route clears the session and leaves). */
  onDeleted: () => void;
}

/**
 * The danger zone: accounts with a password confirm with it, social-only
 * accounts type "탈퇴"; a dialog asks once more before deleting.
 */
export function DeleteAccount({ account, onDeleted }: DeleteAccountProps) {
  const { t, i18n } = useTranslation('account');
  const mutation = useDeleteAccount();
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const field = account.has_password ? 'password' : 'confirm';

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.reset();
    let code: string | undefined;
    if (value === '') code = 'validation.required';
    else if (!account.has_password && value.trim() !== DELETE_CONFIRMATION)
      code = 'identity.delete_confirmation_required';
    setFieldError(clientFieldError(i18n, field, code));
    if (code === undefined) setOpen(true);
  };

  const onConfirm = () => {
    const body = account.has_password ? { password: value } : { confirm: DELETE_CONFIRMATION };
    mutation.mutate(body, {
      onSuccess: onDeleted,
      onError: (error) => {
        if (isApiProblem(error) && FIELD_CODES.has(error.code)) {
          setOpen(false);
          setFieldError(translateProblem(i18n, error));
        }
      },
    });
  };

  const dialogError =
    mutation.error !== null && !(isApiProblem(mutation.error) && FIELD_CODES.has(mutation.error.code))
      ? translateProblem(i18n, mutation.error)
      : null;

  return (
    <section className="card account-section account-danger" aria-labelledby="account-delete-heading">
      <h2 id="account-delete-heading" className="account-section__title">
        {t('delete.heading')}
      </h2>
      <p className="account-section__help">{t('delete.body')}</p>
      <form className="account-form" noValidate onSubmit={onSubmit} aria-labelledby="account-delete-heading">
        {account.has_password ? (
          <FormField
            label={t('delete.passwordLabel')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={value}
            error={fieldError}
            onChange={(event) => {
              setValue(event.target.value);
              setFieldError(undefined);
            }}
          />
        ) : (
          <FormField
            label={t('delete.confirmLabel')}
            name="confirm"
            autoComplete="off"
            value={value}
            placeholder={DELETE_CONFIRMATION}
            hint={t('delete.confirmHint', { word: DELETE_CONFIRMATION })}
            error={fieldError}
            onChange={(event) => {
              setValue(event.target.value);
              setFieldError(undefined);
            }}
          />
        )}
        <Button type="submit" variant="secondary" block className="account-danger__start">
          {t('delete.start')}
        </Button>
      </form>
      <ConfirmDialog
        open={open}
        tone="danger"
        title={t('delete.dialogTitle')}
        message={t('delete.dialogMessage')}
        confirmLabel={t('delete.confirm')}
        isPending={mutation.isPending}
        error={dialogError}
        onConfirm={onConfirm}
        onCancel={() => {
          setOpen(false);
          mutation.reset();
        }}
      />
    </section>
  );
}
