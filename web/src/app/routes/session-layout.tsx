import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';

import { AppShell } from '@/components/layout/app-shell';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useSession } from '@/features/auth/api/refresh';
import { translateProblem } from '@/lib/i18n';

/** Pages for logged-in accounts: restores the session once, otherwise sends the visitor to /login. */
export function SessionLayout() {
  const { t, i18n } = useTranslation('auth');
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <AppShell withNav={false}>
        <LoadingState message={t('session.restoring')} />
      </AppShell>
    );
  }

  if (session.isError) {
    return (
      <AppShell withNav={false}>
        <ErrorState
          title={t('session.restoreFailed')}
          message={translateProblem(i18n, session.error)}
          onRetry={() => void session.refetch()}
          isRetrying={session.isFetching}
        />
      </AppShell>
    );
  }

  if (session.data === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }

  return <Outlet />;
}
