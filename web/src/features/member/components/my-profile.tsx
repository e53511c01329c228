import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { ChipList } from '@/components/ui/chips';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { isProfileNotReady, useMyProfile } from '../api/get-my-profile';
import { useTraits } from '../api/get-traits';
import { traitNames } from '../utils/labels';

import { TrustScoreGauge } from './trust-score-gauge';
import './member.css';

/** The member's own profile: photo, nickname, 발도장, age and gender (with who sees them), traits. */
export function MyProfile() {
  const { t, i18n } = useTranslation('member');
  const profile = useMyProfile();
  const traits = useTraits();

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

  const me = profile.data;
  const joined = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(me.created_at));
  const visibility = (isPublic: boolean) => (
    <Badge tone={isPublic ? 'positive' : 'neutral'}>{t(isPublic ? 'visibility.public' : 'visibility.private')}</Badge>
  );
  const ownerTraits = traitNames(me.owner_traits, traits.data?.owner ?? [], i18n.language);

  return (
    <div className="my-profile">
      <section className="card my-profile__identity" aria-labelledby="my-profile-nickname">
        <Avatar src={me.photo_thumbnail_url} name={me.nickname} size="lg" />
        <div className="my-profile__names">
          <p className="my-profile__caption">{t('profile.nickname')}</p>
          <p id="my-profile-nickname" className="my-profile__nickname">
            {me.nickname}
          </p>
          <p className="my-profile__joined">{t('profile.joined', { date: joined })}</p>
        </div>
      </section>

      <section className="card my-profile__score" aria-label={t('trustScore.label')}>
        <TrustScoreGauge score={me.trust_score} />
        <Link to="/me/trust-history">{t('trustScore.historyLink')}</Link>
      </section>

      <section className="card my-profile__details" aria-labelledby="my-profile-about">
        <div className="section-heading">
          <h2 id="my-profile-about">{t('profile.about')}</h2>
          <Link to="/me/edit">{t('profile.edit')}</Link>
        </div>
        <dl className="my-profile__facts">
          <div>
            <dt>{t('profileForm.birthYear')}</dt>
            <dd>
              {me.birth_year === null ? t('profile.notSet') : t('profileForm.year', { year: me.birth_year })}
              {visibility(me.age_public)}
            </dd>
          </div>
          <div>
            <dt>{t('profileForm.gender')}</dt>
            <dd>
              {me.gender === null ? t('profile.notSet') : t(`gender.${me.gender}`)}
              {visibility(me.gender_public)}
            </dd>
          </div>
        </dl>
        <h3 className="my-profile__subheading">{t('profileForm.ownerTraits')}</h3>
        <ChipList label={t('profileForm.ownerTraits')} items={ownerTraits} empty={t('card.noTraits')} />
      </section>
    </div>
  );
}
