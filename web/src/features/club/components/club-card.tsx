import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PawIcon } from '@/components/icons/icons';
import { Badge } from '@/components/ui/badge';

import type { Club } from '../api/types';

import { formatWhen } from './format';

export function ClubCard({ club }: { club: Club }) {
  const { t, i18n } = useTranslation('club');
  const role = club.my_status === 'pending' ? 'pending' : club.my_role;
  return (
    <Link to={`/clubs/${club.id}`} className="club-card">
      {club.cover_url !== null ? (
        <img className="club-card__cover" src={club.cover_url} alt="" />
      ) : (
        <span className="club-card__cover club-card__cover--empty" aria-hidden="true">
          <PawIcon size={26} />
        </span>
      )}
      <span className="club-card__body">
        <span className="club-card__title">{club.title}</span>
        <span className="club-card__meta">
          {t(`topics.${club.topic}`)} · {club.region_name.split(' ').at(-1)} · {t('members', { count: club.member_count })}
        </span>
        <span className="club-card__next">
          {club.next_schedule !== null
            ? `${t('nextSchedule')}: ${formatWhen(club.next_schedule.starts_at, i18n.language)} · ${club.next_schedule.place_name}`
            : t('noSchedule')}
        </span>
      </span>
      {role !== null && (
        <span className="club-card__role">
          <Badge tone={role === 'pending' ? 'warning' : 'positive'}>{t(`roles.${role}`)}</Badge>
        </span>
      )}
    </Link>
  );
}
