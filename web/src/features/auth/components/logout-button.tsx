import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { translateProblem } from '@/lib/i18n';

import { useLogout } from '../api/logout';

interface LogoutButtonProps {
  onSuccess?: () => void;
}

export function LogoutButton({ onSuccess }: LogoutButtonProps) {
  const { t, i18n } = useTranslation('auth');
  const logoutMutation = useLogout();
  return (
    <div className="logout">
      <FormAlert message={logoutMutation.isError ? translateProblem(i18n, logoutMutation.error) : null} />
      <Button
        variant="secondary"
        block
        isLoading={logoutMutation.isPending}
        onClick={() => {
          logoutMutation.mutate(undefined, { onSuccess });
        }}
      >
        {logoutMutation.isPending ? t('logout.submitting') : t('logout.submit')}
      </Button>
    </div>
  );
}
