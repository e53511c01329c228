import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { isProfileNotReady, useMyProfile } from '../api/get-my-profile';

import { TrustScoreGauge } from './trust-score-gauge';
import './member.css';

/** The member's own profile: nickname, joined date and 발도장. */
export function MyProfile() {
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

  const { nickname, trust_score: trustScore, created_at: createdAt } = profile.data;
  const joined = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(createdAt));
  const initial = Array.from(nickname)[0] ?? '?';

  return (
    <div className="my-profile">
      <section className="card my-profile__identity" aria-labelledby="my-profile-nickname">
        <span className="my-profile__avatar" aria-hidden="true">
          {initial}
        </span>
        <div className="my-profile__names">
          <p className="my-profile__caption">{t('profile.nickname')}</p>
          <p id="my-profile-nickname" className="my-profile__nickname">
            {nickname}
          </p>
          <p className="my-profile__joined">{t('profile.joined', { date: joined })}</p>
        </div>
      </section>
      <section className="card" aria-label={t('trustScore.label')}>
        <TrustScoreGauge score={trustScore} />
      </section>
    </div>
  );
}
