import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PinIcon } from '@/components/icons/icons';
import { Badge } from '@/components/ui/badge';

import { useMyProfile } from '../../api/get-my-profile';
import { neighbourhoodState } from '../../utils/neighbourhood';

import '@/components/ui/button.css';
import '../member.css';

/** The verified 동, until when it counts, and 다시 인증 once it is (nearly) expired. */
export function MyNeighbourhood() {
  const { t, i18n } = useTranslation('member');
  const profile = useMyProfile();
  const neighbourhood = profile.data?.neighbourhood ?? null;
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const state = neighbourhood === null ? 'expired' : neighbourhoodState(neighbourhood);

  return (
    <section className="card my-neighbourhood" aria-labelledby="my-neighbourhood-title">
      <div className="section-heading">
        <h2 id="my-neighbourhood-title">{t('neighbourhood.title')}</h2>
        <Badge tone={state === 'valid' ? 'positive' : state === 'expiring' ? 'warning' : 'danger'}>
          {t(`neighbourhood.state.${state}`)}
        </Badge>
      </div>
      {neighbourhood === null ? (
        <p className="my-neighbourhood__text">{t('neighbourhood.none')}</p>
      ) : (
        <>
          <p className="my-neighbourhood__name">
            <PinIcon size={18} />
            <span>{neighbourhood.full_name}</span>
          </p>
          <p className="my-neighbourhood__text">
            {state === 'expired'
              ? t('neighbourhood.expiredOn', { date: format.format(new Date(neighbourhood.expires_at)) })
              : t('neighbourhood.validUntil', { date: format.format(new Date(neighbourhood.expires_at)) })}
          </p>
        </>
      )}
      {state !== 'valid' && (
        <Link to="/me/neighbourhood" className="button button--primary button--block">
          {t('neighbourhood.reverify')}
        </Link>
      )}
      {state === 'valid' && (
        <Link to="/me/neighbourhood" className="my-neighbourhood__change">
          {t('neighbourhood.change')}
        </Link>
      )}
    </section>
  );
}
