import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { translateProblem } from '@/lib/i18n';

import { useLogout } from '../api/logout';

interface LogoutButtonProps {
  onSuccess?: () => void;
  variant?: 'secondary' | 'ghost';
  /** Overrides the default "로그아웃". */
  label?: string;
}

export function LogoutButton({ onSuccess, variant = 'secondary', label }: LogoutButtonProps) {
  const { t, i18n } = useTranslation('auth');
  const logoutMutation = useLogout();
  return (
    <div className="logout">
      <FormAlert message={logoutMutation.isError ? translateProblem(i18n, logoutMutation.error) : null} />
      <Button
        variant={variant}
        block
        isLoading={logoutMutation.isPending}
        onClick={() => {
          logoutMutation.mutate(undefined, { onSuccess });
        }}
      >
        {logoutMutation.isPending ? t('logout.submitting') : (label ?? t('logout.submit'))}
      </Button>
    </div>
  );
}
