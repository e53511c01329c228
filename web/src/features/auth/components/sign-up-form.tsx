import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { translateProblem } from '@/lib/i18n';

import { SignUpLoginError, useSignUp } from '../api/sign-up';
import { useAuthForm } from '../hooks/use-auth-form';
import {
  NICKNAME_MAX,
  NICKNAME_MIN,
  PASSWORD_MIN,
  validateEmail,
  validateNewPassword,
  validateNickname,
} from '../utils/validation';
import './auth-form.css';

interface SignUpFormProps {
  onSuccess: () => void;
}

export function SignUpForm({ onSuccess }: SignUpFormProps) {
  const { t, i18n } = useTranslation('auth');
  const signUpMutation = useSignUp();
  const form = useAuthForm({
    initialValues: { email: '', password: '', nickname: '' },
    validators: {
      email: validateEmail,
      password: validateNewPassword,
      nickname: validateNickname,
    },
    normalize: { email: (value) => value.trim(), nickname: (value) => value.trim() },
    describeError: (error) =>
      error instanceof SignUpLoginError
        ? t('signup.loginAfterSignUpFailed', { reason: translateProblem(i18n, error.cause) })
        : undefined,
  });

  return (
    <form
      className="auth-form"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        signUpMutation.mutate(values, { onSuccess, onError: form.applyError });
      })}
    >
      <FormField
        label={t('fields.email.label')}
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        placeholder={t('fields.email.placeholder')}
        {...form.register('email')}
      />
      <FormField
        label={t('fields.password.label')}
        type="password"
        autoComplete="new-password"
        hint={t('fields.password.hint', { min: PASSWORD_MIN })}
        {...form.register('password')}
      />
      <FormField
        label={t('fields.nickname.label')}
        autoComplete="nickname"
        autoCapitalize="none"
        spellCheck={false}
        hint={t('fields.nickname.hint', { min: NICKNAME_MIN, max: NICKNAME_MAX })}
        {...form.register('nickname')}
      />
      <FormAlert message={form.formError} />
      <Button type="submit" block className="auth-form__submit" isLoading={signUpMutation.isPending}>
        {signUpMutation.isPending ? t('signup.submitting') : t('signup.submit')}
      </Button>
    </form>
  );
}
