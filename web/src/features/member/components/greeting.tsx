import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { isProfileNotReady, useMyProfile } from '../api/get-my-profile';
import './member.css';

/** "안녕하세요, {nickname}님!" — waits out the brief gap right after sign-up. */
export function Greeting() {
  const { t, i18n } = useTranslation('member');
  const profile = useMyProfile();

  if (profile.isPending) {
    const preparing = profile.failureCount > 0 && isProfileNotReady(profile.failureReason);
    return <LoadingState message={preparing ? t('profile.preparing') : t('profile.loading')} />;
  }

  if (profile.isError) {
    return (
      <ErrorState
        title={t('profile.loadError')}
        message={translateProblem(i18n, profile.error)}
        onRetry={() => void profile.refetch()}
        isRetrying={profile.isFetching}
      />
    );
  }

  return (
    <section className="greeting" aria-labelledby="greeting-title">
      <h1 id="greeting-title" className="greeting__title">
        {t('greeting.title', { nickname: profile.data.nickname })}
      </h1>
      <p className="greeting__body">{t('greeting.body')}</p>
    </section>
  );
}
