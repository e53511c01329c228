import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { AlertIcon } from '@/components/icons/icons';

import { useHospitalSearch } from '../api/hospitals';
import { NO_FILTERS } from '../api/types';

import './hospital.css';

const PEEK = 3;

/** Home card: how many hospitals are open now, a few names, and the emergency button. */
export function OpenNowCard() {
  const { t } = useTranslation('hospital');
  const search = useHospitalSearch({ ...NO_FILTERS, openNow: true }, { limit: PEEK });
  const first = search.data?.pages[0];
  const count = first?.items.length ?? 0;
  const more = first?.next_cursor !== null && first?.next_cursor !== undefined;

  return (
    <section className="open-now-card" aria-labelledby="open-now-title">
      <h2 id="open-now-title" className="open-now-card__title">
        {t('home.title')}
      </h2>
      <p className="open-now-card__summary" role="status">
        {search.isPending && t('home.loading')}
        {search.isError && t('home.error')}
        {search.isSuccess && count === 0 && t('home.none')}
        {search.isSuccess && count > 0 && (more ? t('home.countMore', { count }) : t('home.count', { count }))}
      </p>
      {count > 0 && (
        <ul className="open-now-card__names">
          {first?.items.map((hospital) => <li key={hospital.id}>{hospital.name}</li>)}
        </ul>
      )}
      <div className="open-now-card__actions">
        <Link to="/hospitals?open=1" className="open-now-card__link">
          {t('home.see')}
        </Link>
        <Link to="/hospitals/emergency" className="hospital-emergency-button" aria-label={t('emergency.buttonLabel')}>
          <AlertIcon size={20} />
        {t('emergency.button')}
        </Link>
      </div>
    </section>
  );
}
