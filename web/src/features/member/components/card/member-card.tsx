import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { PinIcon } from '@/components/icons/icons';
import { Avatar } from '@/components/ui/avatar';
import { ChipList } from '@/components/ui/chips';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';

import { useMemberCard } from '../../api/get-member-card';
import { useTraits } from '../../api/get-traits';
import { useBreedCatalogue } from '../../api/search-breeds';
import type { MemberCard as MemberCardData } from '../../api/types';
import { traitNames } from '../../utils/labels';
import { DogDetails } from '../dogs/dog-details';
import { TrustScoreGauge } from '../trust-score-gauge';

import './member-card.css';

interface MemberCardProps {
  memberId: string;
  /** The page adds the actions (friend, report, block) for this card. */
  renderActions?: (card: MemberCardData) => ReactNode;
}

/** Another member as others see them: only public fields are in the answer, so only those show. */
export function MemberCard({ memberId, renderActions }: MemberCardProps) {
  const { t, i18n } = useTranslation('member');
  const card = useMemberCard(memberId);
  const traits = useTraits();
  const breeds = useBreedCatalogue();

  if (card.isPending) return <LoadingState message={t('card.loading')} />;

  if (card.isError) {
    if (isApiProblem(card.error) && (card.error.status === 404 || card.error.status === 422)) {
      return <EmptyState title={t('card.notFoundTitle')} message={t('card.notFoundBody')} />;
    }
    return (
      <ErrorState
        title={t('card.loadError')}
        message={translateProblem(i18n, card.error)}
        onRetry={() => void card.refetch()}
        isRetrying={card.isFetching}
      />
    );
  }

  const member = card.data;
  const facts = [
    member.birth_year !== undefined && member.birth_year !== null
      ? t('card.birthYear', { year: member.birth_year })
      : null,
    // The birth year says it all; the age is the fallback when only it is sent.
    (member.birth_year === undefined || member.birth_year === null) && member.age !== undefined && member.age !== null
      ? t('card.age', { age: member.age })
      : null,
    member.gender !== undefined && member.gender !== null ? t(`gender.${member.gender}`) : null,
  ].filter((fact): fact is string => fact !== null);
  const ownerTraits = traitNames(member.owner_traits, traits.data?.owner ?? [], i18n.language);

  return (
    <div className="member-card">
      <section className="card member-card__identity" aria-labelledby="member-card-nickname">
        <Avatar src={member.photo_thumbnail_url} name={member.nickname} size="xl" />
        <div className="member-card__names">
          <h1 id="member-card-nickname" className="member-card__nickname">
            {member.nickname}
          </h1>
          {member.neighbourhood !== null && (
            <p className="member-card__place">
              <PinIcon size={16} />
              <span>{member.neighbourhood.name}</span>
              {!member.neighbourhood.verified && <span className="member-card__unverified">{t('card.unverified')}</span>}
            </p>
          )}
          {facts.length > 0 && <p className="member-card__facts">{facts.join(' · ')}</p>}
        </div>
      </section>

      {renderActions?.(member)}

      <section className="card" aria-label={t('trustScore.label')}>
        <TrustScoreGauge score={member.trust_score} />
      </section>

      <section className="member-card__section" aria-labelledby="member-card-owner-traits">
        <h2 id="member-card-owner-traits" className="member-card__heading">
          {t('card.ownerTraits')}
        </h2>
        <ChipList label={t('card.ownerTraits')} items={ownerTraits} empty={t('card.noTraits')} />
      </section>

      <section className="member-card__section" aria-labelledby="member-card-dogs">
        <h2 id="member-card-dogs" className="member-card__heading">
          {t('card.dogs', { n: member.dogs.length })}
        </h2>
        {member.dogs.length === 0 ? (
          <p className="member-card__empty">{t('card.noDogs')}</p>
        ) : (
          <ul className="member-card__dogs">
            {member.dogs.map((dog) => (
              <li key={dog.id}>
                <DogDetails dog={dog} dogTraits={traits.data?.dog ?? []} breeds={breeds.data} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
