import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useMyUpcoming } from '../api/clubs';

import { formatWhen } from './format';
import './club.css';

/** 홈 card: my clubs' next schedules. */
export function UpcomingClubCard() {
  const { t, i18n } = useTranslation('club');
  const upcoming = useMyUpcoming(3);
  const items = upcoming.data?.items ?? [];
  return (
    <section className="club-home-card" aria-labelledby="club-home-title">
      <h2 id="club-home-title" className="club-home-card__title">
        {t('home.title')}
      </h2>
      {upcoming.isPending && <p role="status">{t('common:status.loading')}</p>}
      {upcoming.isError && <p role="status">{t('home.error')}</p>}
      {upcoming.isSuccess && items.length === 0 && <p className="clubs__muted">{t('home.none')}</p>}
      {items.length > 0 && (
        <ul className="club-home-card__list">
          {items.map((item) => (
            <li key={item.schedule.id}>
              <Link to={`/clubs/${item.club_id}`}>
                <strong>{item.club_title}</strong>
                <span>
                  {formatWhen(item.schedule.starts_at, i18n.language)} · {item.schedule.title} · {item.schedule.place_name}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to="/clubs" className="club-home-card__link">
        {t('home.see')}
      </Link>
    </section>
  );
}
