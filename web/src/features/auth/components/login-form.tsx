import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';

import { useLogin } from '../api/login';
import { useAuthForm } from '../hooks/use-auth-form';
import { validateEmail, validateLoginPassword } from '../utils/validation';
import './auth-form.css';

interface LoginFormProps {
  onSuccess: () => void;
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation('auth');
  const loginMutation = useLogin();
  const form = useAuthForm({
    initialValues: { email: '', password: '' },
    validators: { email: validateEmail, password: validateLoginPassword },
    normalize: { email: (value) => value.trim() },
  });

  return (
    <form
      className="auth-form"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        loginMutation.mutate(values, { onSuccess, onError: form.applyError });
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
        autoComplete="current-password"
        {...form.register('password')}
      />
      <FormAlert message={form.formError} />
      <Button type="submit" block className="auth-form__submit" isLoading={loginMutation.isPending}>
        {loginMutation.isPending ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
