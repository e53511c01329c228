import { useTranslation } from 'react-i18next';

import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { ChipList } from '@/components/ui/chips';

import { DOG_FLAGS } from '../../api/choices';
import { breedName } from '../../api/search-breeds';
import type { Breed, DogCard, Trait } from '../../api/types';
import { traitNames } from '../../utils/labels';

import './dogs.css';

interface DogDetailsProps {
  dog: DogCard;
  dogTraits: readonly Trait[];
  breeds: readonly Breed[] | undefined;
}

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/** A dog as other members see it: only the fields its owner made public are in `dog`. */
export function DogDetails({ dog, dogTraits, breeds }: DogDetailsProps) {
  const { t, i18n } = useTranslation('member');
  const name = dog.name ?? t('card.dogNameHidden');
  const subtitle = [breedName(dog.breed, breeds, i18n.language), present(dog.size) ? t(`size.${dog.size}`) : null]
    .filter(present)
    .join(' · ');
  const flags = DOG_FLAGS.filter((flag) => present(dog[flag]));
  const traits = present(dog.traits) ? traitNames(dog.traits, dogTraits, i18n.language) : [];

  return (
    <article className="dog-details" aria-label={name}>
      <div className="dog-details__head">
        <Avatar src={dog.photo_thumbnail_url} name={name} size="lg" shape="rounded" fallback="paw" />
        <div className="dog-details__title">
          <h3 className="dog-details__name">{name}</h3>
          {subtitle !== '' && <p className="dog-details__subtitle">{subtitle}</p>}
        </div>
      </div>

      {(flags.length > 0 || present(dog.vaccinated) || present(dog.registered)) && (
        <ul className="dog-details__badges" aria-label={t('card.dogBadges', { name })}>
          {flags.map((flag) => (
            <li key={flag}>
              <Badge tone={dog[flag] === true ? 'warning' : 'neutral'}>
                {t(`flags.${flag}_${dog[flag] === true ? 'yes' : 'no'}`)}
              </Badge>
            </li>
          ))}
          {present(dog.vaccinated) && (
            <li>
              <Badge tone={dog.vaccinated ? 'positive' : 'neutral'}>
                {t(dog.vaccinated ? 'badges.vaccinated' : 'badges.notVaccinated')}
              </Badge>
            </li>
          )}
          {present(dog.registered) && (
            <li>
              <Badge tone={dog.registered ? 'positive' : 'neutral'}>
                {t(dog.registered ? 'badges.registered' : 'badges.notRegistered')}
              </Badge>
            </li>
          )}
        </ul>
      )}

      <dl className="dog-details__facts">
        {present(dog.energy_level) && (
          <div>
            <dt>{t('dogForm.energy')}</dt>
            <dd>{t('card.energyValue', { level: dog.energy_level })}</dd>
          </div>
        )}
        {present(dog.play_style) && (
          <div>
            <dt>{t('dogForm.playStyle')}</dt>
            <dd>{t(`playStyle.${dog.play_style}`)}</dd>
          </div>
        )}
      </dl>

      {traits.length > 0 && <ChipList label={t('card.dogTraits', { name })} items={traits} />}
    </article>
  );
}
