import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './meetup.css';

import { Badge } from '@/components/ui/badge';

import type { Meetup } from '../api/types';
import { formatDistance, formatTime, formatWhen } from '../utils/format';

interface MeetupCardProps {
  meetup: Meetup;
  /** Only the time (the list is already of one day). */
  timeOnly?: boolean;
}

export function MeetupCard({ meetup, timeOnly = false }: MeetupCardProps) {
  const { t, i18n } = useTranslation('meetup');
  const when = timeOnly
    ? `${formatTime(meetup.starts_at, i18n.language)}–${formatTime(meetup.ends_at, i18n.language)}`
    : formatWhen(meetup.starts_at, i18n.language);
  return (
    <li className="meetup-card">
      <Link to={`/meetups/${meetup.id}`} className="meetup-card__link">
        <span className="meetup-card__when">{when}</span>
        <strong className="meetup-card__title">{meetup.title}</strong>
        <span className="meetup-card__place">
          {meetup.place_name}
          {meetup.distance_m != null && ` · ${formatDistance(meetup.distance_m)}`}
        </span>
        <span className="meetup-card__badges">
          <Badge tone={meetup.free_places > 0 ? 'positive' : 'neutral'}>
            {t('card.places', { taken: meetup.taken, capacity: meetup.capacity })}
          </Badge>
          {meetup.free_places === 0 && meetup.status === 'open' && <Badge>{t('card.full')}</Badge>}
          {meetup.quiet && <Badge tone="warning">{t('card.quiet')}</Badge>}
          {meetup.approval_required && <Badge>{t('card.approval')}</Badge>}
          {meetup.dog_sizes.length < 3 && (
            <Badge>{meetup.dog_sizes.map((size) => t(`size.${size}`)).join('·')}</Badge>
          )}
          {meetup.status === 'cancelled' && <Badge tone="danger">{t('card.cancelled')}</Badge>}
          {meetup.my_status !== 'none' && meetup.my_status !== 'left' && meetup.my_status !== 'declined' && (
            <Badge tone="positive">{t(`status.${meetup.my_status}`)}</Badge>
          )}
        </span>
      </Link>
    </li>
  );
}
