import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { ApiProblem } from '@/lib/api-client';
import { isApiProblem } from '@/lib/problem';

import { LINK_TICKET_INVALID, useLinkSocialAccount, type LinkedSession } from '../api/social';
import { useAuthForm } from '../hooks/use-auth-form';
import { validateLoginPassword } from '../utils/validation';
import './auth-form.css';

interface SocialLinkFormProps {
  ticket: string;
  onLinked: (linked: LinkedSession) => void;
  /** The ticket turned out to be invalid or expired while submitting. */
  onTicketInvalid: () => void;
}

/** A wrong password is a problem without field errors; show it next to the password. */
function asPasswordError(error: unknown): unknown {
  if (!isApiProblem(error) || error.code !== 'identity.invalid_credentials') return error;
  return new ApiProblem({
    status: error.status,
    code: error.code,
    title: error.title,
    detail: error.detail,
    request_id: error.request_id,
    errors: [{ field: 'password', code: 'identity.invalid_credentials', message: error.title }],
  });
}

export function SocialLinkForm({ ticket, onLinked, onTicketInvalid }: SocialLinkFormProps) {
  const { t } = useTranslation('auth');
  const linkMutation = useLinkSocialAccount(onLinked);
  const form = useAuthForm({
    initialValues: { password: '' },
    validators: { password: validateLoginPassword },
  });

  return (
    <form
      className="auth-form"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        linkMutation.mutate(
          { ticket, password: values.password },
          {
            onError: (error) => {
              if (isApiProblem(error) && error.code === LINK_TICKET_INVALID) onTicketInvalid();
              else form.applyError(asPasswordError(error));
            },
          },
        );
      })}
    >
      <FormField
        label={t('fields.password.label')}
        type="password"
        autoComplete="current-password"
        {...form.register('password')}
      />
      <FormAlert message={form.formError} />
      <Button type="submit" block className="auth-form__submit" isLoading={linkMutation.isPending}>
        {linkMutation.isPending ? t('link.submitting') : t('link.submit')}
      </Button>
    </form>
  );
}
