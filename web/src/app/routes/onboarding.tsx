import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';

import { AppShell } from '@/components/layout/app-shell';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useSession } from '@/features/auth/api/refresh';
import { useOnboardedSession } from '@/features/auth/api/refresh-until-onboarded';
import { LogoutButton } from '@/features/auth/components/logout-button';
import { isOnboardedToken } from '@/features/auth/utils/jwt';
import { isProfileNotReady, useMyProfile } from '@/features/member/api/get-my-profile';
import { OnboardingWizard } from '@/features/member/components/onboarding/onboarding-wizard';
import { translateProblem } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

/**
 * First login: the wizard until the profile is complete, then a fresh session
 * whose token carries the onboarding claim, then home.
 */
export function OnboardingPage() {
  const { t, i18n } = useTranslation('member');
  const navigate = useNavigate();
  const session = useSession();
  const profile = useMyProfile();
  const completed = profile.data?.onboarding.completed === true;
  const tokenOnboarded = isOnboardedToken(session.data?.access_token);
  const finishing = useOnboardedSession(completed && !tokenOnboarded);
  useDocumentTitle(t('onboarding.pageTitle'));

  let content;
  if (profile.isPending) {
    const preparing = profile.failureCount > 0 && isProfileNotReady(profile.failureReason);
    content = <LoadingState message={preparing ? t('profile.preparing') : t('profile.loading')} />;
  } else if (profile.isError) {
    content = (
      <ErrorState
        title={t('profile.loadError')}
        message={translateProblem(i18n, profile.error)}
        onRetry={() => void profile.refetch()}
        isRetrying={profile.isFetching}
      />
    );
  } else if (completed && tokenOnboarded) {
    return <Navigate to="/" replace />;
  } else if (completed) {
    content = finishing.isError ? (
      <ErrorState
        title={t('onboarding.finishFailed')}
        message={translateProblem(i18n, finishing.error)}
        onRetry={() => void finishing.refetch()}
        isRetrying={finishing.isFetching}
      />
    ) : (
      <LoadingState message={t('onboarding.finishing')} />
    );
  } else {
    content = (
      <>
        <header className="page__header">
          <h1>{t('onboarding.title', { nickname: profile.data.nickname })}</h1>
          <p>{t('onboarding.subtitle')}</p>
        </header>
        <OnboardingWizard profile={profile.data} />
        <div className="onboarding-page__logout">
          <LogoutButton variant="ghost" label={t('onboarding.logout')} onSuccess={() => void navigate('/login', { replace: true })} />
        </div>
      </>
    );
  }

  return (
    <AppShell withNav={false}>
      <div className="page">{content}</div>
    </AppShell>
  );
}
