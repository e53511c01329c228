import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';

import { AppShell } from '@/components/layout/app-shell';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useSession } from '@/features/auth/api/refresh';
import { isOnboardedToken } from '@/features/auth/utils/jwt';
import { isProfileNotReady, useMyProfile } from '@/features/member/api/get-my-profile';
import { SuspensionBanner } from '@/features/trust/components/suspension-banner';
import { translateProblem } from '@/lib/i18n';

/**
 * The onboarding gate: every member page waits for the profile and sends the
 * member to /onboarding until onboarding is complete and the session's token
 * says so (the API refuses member actions before that).
 */
export function AppLayout() {
  const { t, i18n } = useTranslation('member');
  const session = useSession();
  const profile = useMyProfile();
  const location = useLocation();

  if (profile.isPending) {
    const preparing = profile.failureCount > 0 && isProfileNotReady(profile.failureReason);
    return (
      <AppShell withNav={false}>
        <LoadingState message={preparing ? t('profile.preparing') : t('profile.loading')} />
      </AppShell>
    );
  }

  if (profile.isError) {
    return (
      <AppShell withNav={false}>
        <ErrorState
          title={t('profile.loadError')}
          message={translateProblem(i18n, profile.error)}
          onRetry={() => void profile.refetch()}
          isRetrying={profile.isFetching}
        />
      </AppShell>
    );
  }

  if (!profile.data.onboarding.completed || !isOnboardedToken(session.data?.access_token)) {
    return <Navigate to="/onboarding" replace state={{ from: location.pathname }} />;
  }

  return (
    <AppShell>
      <SuspensionBanner />
      <Outlet />
    </AppShell>
  );
}
