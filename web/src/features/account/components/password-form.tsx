import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';

import { useChangePassword } from '../api/account';
import { PASSWORD_MIN, validateCurrentPassword, validateNewPassword } from '../utils/validation';

import { clientFieldError, hasFieldErrors, serverFieldError } from './field-errors';

/** Problems about one field that the server reports without naming the field. */
const FIELD_OF_CODE: Record<string, 'current_password' | 'new_password'> = {
  'identity.wrong_password': 'current_password',
  'identity.password_unchanged': 'new_password',
};

/** Changes the password; the server logs out every other session. */
export function PasswordForm() {
  const { t, i18n } = useTranslation('account');
  const mutation = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [clientCodes, setClientCodes] = useState<{ current?: string | undefined; next?: string | undefined }>({});
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    mutation.reset();
    const codes = {
      current: validateCurrentPassword(current),
      next: current !== '' && next === current ? 'identity.password_unchanged' : validateNewPassword(next),
    };
    setClientCodes(codes);
    if (codes.current !== undefined || codes.next !== undefined) return;
    mutation.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setSaved(true);
        },
      },
    );
  };

  const error = mutation.error;
  const codeField = isApiProblem(error) ? FIELD_OF_CODE[error.code] : undefined;
  const serverError = (field: 'current_password' | 'new_password') =>
    codeField === field ? translateProblem(i18n, error) : serverFieldError(i18n, error, field);
  const alert =
    error !== null && codeField === undefined && !hasFieldErrors(error) ? translateProblem(i18n, error) : null;

  return (
    <section className="card account-section" aria-labelledby="account-password-heading">
      <h2 id="account-password-heading" className="account-section__title">
        {t('password.heading')}
      </h2>
      <form className="account-form" noValidate onSubmit={onSubmit} aria-labelledby="account-password-heading">
        <FormField
          label={t('password.current')}
          type="password"
          name="current_password"
          autoComplete="current-password"
          value={current}
          error={clientFieldError(i18n, 'current_password', clientCodes.current) ?? serverError('current_password')}
          onChange={(event) => {
            setCurrent(event.target.value);
            setClientCodes((codes) => ({ ...codes, current: undefined }));
          }}
        />
        <FormField
          label={t('password.new')}
          type="password"
          name="new_password"
          autoComplete="new-password"
          value={next}
          hint={t('password.hint', { min: PASSWORD_MIN })}
          error={clientFieldError(i18n, 'new_password', clientCodes.next) ?? serverError('new_password')}
          onChange={(event) => {
            setNext(event.target.value);
            setClientCodes((codes) => ({ ...codes, next: undefined }));
          }}
        />
        <FormAlert message={alert} />
        {saved && (
          <p className="account-form__success" role="status">
            {t('password.saved')}
          </p>
        )}
        <Button type="submit" block isLoading={mutation.isPending}>
          {mutation.isPending ? t('password.submitting') : t('password.submit')}
        </Button>
      </form>
    </section>
  );
}
