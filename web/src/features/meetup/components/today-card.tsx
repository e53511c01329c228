import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { dayKey } from '@/components/calendar/days';

import { useMeetupList } from '../api/meetups';
import { DEFAULT_FILTERS } from '../utils/filters';
import { formatTime } from '../utils/format';

import './meetup.css';

/** 홈 card: today's 번개 in my 시/군/구. */
export function TodayMeetupCard() {
  const { t, i18n } = useTranslation('meetup');
  const today = useMemo(() => dayKey(new Date()), []);
  const list = useMeetupList(DEFAULT_FILTERS, today, today);
  const [now] = useState(() => Date.now());
  const items = (list.data?.pages.flatMap((page) => page.items) ?? [])
    .filter((meetup) => new Date(meetup.ends_at).getTime() > now)
    .slice(0, 3);
  return (
    <section className="meetup-home-card" aria-labelledby="meetup-home-title">
      <h2 id="meetup-home-title" className="meetup-home-card__title">
        {t('home.title')}
      </h2>
      {list.isPending && <p role="status">{t('common:status.loading')}</p>}
      {list.isError && <p role="status">{t('home.error')}</p>}
      {list.isSuccess && items.length === 0 && <p className="meetup-home-card__muted">{t('home.none')}</p>}
      {items.length > 0 && (
        <ul className="meetup-home-card__list">
          {items.map((meetup) => (
            <li key={meetup.id}>
              <Link to={`/meetups/${meetup.id}`}>
                <strong>{meetup.title}</strong>
                <span>
                  {formatTime(meetup.starts_at, i18n.language)} · {meetup.place_name} ·{' '}
                  {t('card.places', { taken: meetup.taken, capacity: meetup.capacity })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to={`/meetups?day=${today}`} className="meetup-home-card__link">
        {t('home.see')}
      </Link>
    </section>
  );
}
