import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Avatar } from '@/components/ui/avatar';

import { breedName, useBreedCatalogue } from '../../api/search-breeds';
import type { DogRead } from '../../api/types';

import './dogs.css';

interface DogSummaryProps {
  dog: Pick<DogRead, 'name' | 'breed' | 'size' | 'photo_thumbnail_url'>;
  /** Buttons or links shown at the end of the row. */
  actions?: ReactNode;
}

/** Photo, name, breed and size on one line. */
export function DogSummary({ dog, actions }: DogSummaryProps) {
  const { t, i18n } = useTranslation('member');
  const breeds = useBreedCatalogue();
  const details = [breedName(dog.breed, breeds.data, i18n.language), t(`size.${dog.size}`)]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="dog-summary">
      <Avatar src={dog.photo_thumbnail_url} name={dog.name} size="md" shape="rounded" fallback="paw" />
      <div className="dog-summary__text">
        <p className="dog-summary__name">{dog.name}</p>
        <p className="dog-summary__details">{details}</p>
      </div>
      {actions !== undefined && <div className="dog-summary__actions">{actions}</div>}
    </div>
  );
}
