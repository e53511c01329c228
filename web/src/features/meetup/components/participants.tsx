import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './meetup.css';

import { PawIcon } from '@/components/icons/icons';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { breedName, useBreedCatalogue } from '@/lib/breeds';

import type { Participant } from '../api/types';

interface ParticipantsProps {
  participants: readonly Participant[];
  capacity: number;
  taken: number;
  isHost: boolean;
  onDecide?: (memberId: string, approve: boolean) => void;
}

/** Who takes part against capacity: photo (tap → member card), dogs, hints for mine. */
export function Participants({ participants, capacity, taken, isHost, onDecide }: ParticipantsProps) {
  const { t, i18n } = useTranslation('meetup');
  const breeds = useBreedCatalogue();
  return (
    <section className="meetup-participants card" aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t('detail.participants')} <span className="meetup-participants__count">{t('card.places', { taken, capacity })}</span>
      </h2>
      <ul>
        {participants.map((person) => (
          <li key={person.member_id} className="meetup-participant" data-role={person.role}>
            <Link to={`/members/${person.member_id}`} className="meetup-participant__who">
              <Avatar src={person.photo_thumbnail_url ?? null} name={person.nickname} size="sm" />
              <span className="meetup-participant__name">{person.nickname}</span>
            </Link>
            <span className="meetup-participant__badges">
              {person.role !== 'joined' && (
                <Badge tone={person.role === 'host' ? 'positive' : 'neutral'}>
                  {person.role === 'waitlisted'
                    ? t('detail.waitlistPosition', { position: person.position ?? 0 })
                    : t(`role.${person.role}`)}
                </Badge>
              )}
              {person.checked_in === true && <Badge tone="positive">{t('detail.checkedIn')}</Badge>}
              {person.attended === false && <Badge tone="danger">{t('detail.noShow')}</Badge>}
            </span>
            {person.dogs.length > 0 && (
              <ul className="meetup-participant__dogs">
                {person.dogs.map((dog) => (
                  <li key={dog.id}>
                    <PawIcon size={14} className="meetup-inline-icon" /> {[dog.name, breedName(dog.breed, breeds.data, i18n.language), dog.size ? t(`size.${dog.size}`) : null, dog.energy_level != null ? t('dog.energy', { level: dog.energy_level }) : null, dog.muzzle ? t('dog.muzzle') : null]
                      .filter(Boolean)
                      .join(' · ')}
                    {(dog.traits ?? []).filter((trait) => trait.startsWith('good_with')).map((trait) => (
                      <span key={trait} className="meetup-participant__trait">
                        {t(`trait.${trait}`)}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
            {(person.hints ?? []).length > 0 && (
              <p className="meetup-participant__hints">
                {t('detail.hints')}: {[...new Set((person.hints ?? []).map((hint) => t(`hint.${hint.code}`)))].join(', ')}
              </p>
            )}
            {isHost && person.role === 'requested' && onDecide !== undefined && (
              <span className="meetup-participant__decide">
                <button type="button" className="button button--primary" onClick={() => onDecide(person.member_id, true)}>
                  <span>{t('detail.approve')}</span>
                </button>
                <button type="button" className="button button--ghost" onClick={() => onDecide(person.member_id, false)}>
                  <span>{t('detail.decline')}</span>
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
