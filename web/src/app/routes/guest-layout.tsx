import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';

import { AppShell } from '@/components/layout/app-shell';
import { LoadingState } from '@/components/ui/states';
import { useSession } from '@/features/auth/api/refresh';

import './pages.css';

/** Sign-up and login: members who already have a session go home. */
export function GuestLayout() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const location = useLocation();
  // Pages that end the session (e.g. account deletion) pass an i18n key to show here.
  const state: unknown = location.state;
  const notice =
    typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string'
      ? state.notice
      : null;

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
      {notice !== null && (
        <p className="guest-notice" role="status">
          {t(notice)}
        </p>
      )}
      <Outlet />
    </AppShell>
  );
}
