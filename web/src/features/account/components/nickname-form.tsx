import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';

import { useChangeNickname, type MyAccount } from '../api/account';
import { formatDateTime } from '../utils/format';
import { NICKNAME_MAX, NICKNAME_MIN, validateNickname } from '../utils/validation';

import { clientFieldError, hasFieldErrors, serverFieldError } from './field-errors';

const COOLDOWN = 'identity.nickname_cooldown';

interface NicknameFormProps {
  account: MyAccount;
}

/** Changes the nickname; the server allows one change per cooldown period. */
export function NicknameForm({ account }: NicknameFormProps) {
  const { t, i18n } = useTranslation('account');
  const mutation = useChangeNickname();
  const [nickname, setNickname] = useState(account.nickname);
  const [clientCode, setClientCode] = useState<string | undefined>();
  const [cooldownUntil, setCooldownUntil] = useState<Date | null>(null);
  const [saved, setSaved] = useState(false);

  const allowedAt = account.nickname_change_allowed_at;
  const locked = allowedAt !== null;

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    setCooldownUntil(null);
    mutation.reset();
    const code = nickname === account.nickname ? 'unchanged' : validateNickname(nickname);
    setClientCode(code);
    if (code !== undefined) return;
    mutation.mutate(nickname, {
      onSuccess: (updated) => {
        setNickname(updated.nickname);
        setSaved(true);
      },
      onError: (error) => {
        if (isApiProblem(error) && error.code === COOLDOWN) {
          const until =
            error.retryAfter !== undefined
              ? new Date(Date.now() + error.retryAfter * 1000)
              : allowedAt !== null
                ? new Date(allowedAt)
                : null;
          setCooldownUntil(until);
        }
      },
    });
  };

  const error = mutation.error;
  const isCooldown = isApiProblem(error) && error.code === COOLDOWN;
  const fieldError =
    clientCode === 'unchanged'
      ? t('nickname.unchanged')
      : (clientFieldError(i18n, 'nickname', clientCode) ?? serverFieldError(i18n, error, 'nickname'));
  let alert: string | null = null;
  if (isCooldown) {
    alert =
      cooldownUntil === null
        ? t('nickname.cooldownSoon')
        : t('nickname.cooldown', { date: formatDateTime(cooldownUntil, i18n.language) });
  } else if (error !== null && !hasFieldErrors(error)) {
    alert = translateProblem(i18n, error);
  }

  return (
    <section className="card account-section" aria-labelledby="account-nickname-heading">
      <h2 id="account-nickname-heading" className="account-section__title">
        {t('nickname.heading')}
      </h2>
      <p className="account-section__help">
        {locked
          ? t('nickname.nextChange', { date: formatDateTime(allowedAt, i18n.language) })
          : t('nickname.availableNow')}
      </p>
      <form className="account-form" noValidate onSubmit={onSubmit} aria-labelledby="account-nickname-heading">
        <FormField
          label={t('nickname.label')}
          name="nickname"
          autoComplete="nickname"
          value={nickname}
          maxLength={NICKNAME_MAX + 10}
          disabled={locked}
          hint={t('nickname.hint', { min: NICKNAME_MIN, max: NICKNAME_MAX })}
          error={fieldError}
          onChange={(event) => {
            setNickname(event.target.value);
            setClientCode(undefined);
            setSaved(false);
          }}
        />
        <FormAlert message={alert} />
        {saved && (
          <p className="account-form__success" role="status">
            {t('nickname.saved')}
          </p>
        )}
        <Button type="submit" block disabled={locked} isLoading={mutation.isPending}>
          {mutation.isPending ? t('nickname.submitting') : t('nickname.submit')}
        </Button>
      </form>
    </section>
  );
}
