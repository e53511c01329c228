import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';

import { AppShell } from '@/components/layout/app-shell';
import { LoadingState } from '@/components/ui/states';
import { useSession } from '@/features/auth/api/refresh';

/** Sign-up and login: members who already have a session go home. */
export function GuestLayout() {
  const { t } = useTranslation('auth');
  const session = useSession();

  if (session.isPending) {
    return (
      <AppShell withNav={false}>
        <LoadingState message={t('session.restoring')} />
      </AppShell>
    );
  }

  if (session.data) {
    return <Navigate to="/" replace />;
  }

  return (
    <AppShell withNav={false}>
      <Outlet />
    </AppShell>
  );
}
