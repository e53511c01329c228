import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PhoneIcon } from '@/components/icons/icons';
import { Badge } from '@/components/ui/badge';

import type { Hospital } from '../api/types';
import { formatDistance, kakaoDirectionsUrl, telHref } from '../utils/contact';

import { CorrectionForm } from './correction-form';
import './hospital.css';

interface HospitalCardProps {
  hospital: Hospital;
  /** Emergency mode: a big call button first, fewer extras. */
  emphasis?: 'normal' | 'emergency';
}

function OpenState({ hospital }: { hospital: Hospital }) {
  const { t } = useTranslation('hospital');
  if (hospital.open_now === true) return <Badge tone="positive">{t('card.openNow')}</Badge>;
  if (hospital.open_now === false) return <Badge tone="danger">{t('card.closedNow')}</Badge>;
  return <Badge>{t('card.hoursUnknown')}</Badge>;
}

/** One hospital: state badges, address, and call / copy / directions actions. */
export function HospitalCard({ hospital, emphasis = 'normal' }: HospitalCardProps) {
  const { t, i18n } = useTranslation('hospital');
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [suggesting, setSuggesting] = useState(false);
  const directions = kakaoDirectionsUrl(hospital);
  const headingId = `hospital-${hospital.id}`;

  async function copyAddress(address: string) {
    try {
      await navigator.clipboard.writeText(address);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <article className={`hospital-card hospital-card--${emphasis}`} aria-labelledby={headingId}>
      <header className="hospital-card__header">
        <h3 id={headingId} className="hospital-card__name">
          {hospital.name}
        </h3>
        {hospital.distance_m !== null && hospital.distance_m !== undefined && (
          <span className="hospital-card__distance">
            {t('card.distance', { distance: formatDistance(hospital.distance_m, i18n.language) })}
          </span>
        )}
      </header>
      <p className="hospital-card__badges">
        <OpenState hospital={hospital} />
        {hospital.open_24h && <Badge tone="positive">{t('card.open24h')}</Badge>}
        {!hospital.open_24h && hospital.name_hint_24h && <Badge tone="warning">{t('card.nameHint')}</Badge>}
        {hospital.livestock && <Badge>{t('card.livestock')}</Badge>}
      </p>
      {hospital.address !== null && <p className="hospital-card__address">{hospital.address}</p>}
      <div className="hospital-card__actions">
        {hospital.phone !== null ? (
          <a
            className="hospital-action hospital-action--call"
            href={telHref(hospital.phone)}
            aria-label={t('card.callName', { name: hospital.name })}
          >
            <PhoneIcon size={20} />
            {t('card.call')} <span className="hospital-action__number">{hospital.phone}</span>
          </a>
        ) : (
          <span className="hospital-action hospital-action--none">{t('card.noPhone')}</span>
        )}
        {emphasis === 'normal' && hospital.address !== null && (
          <button type="button" className="hospital-action" onClick={() => void copyAddress(hospital.address ?? '')}>
            {t('card.copyAddress')}
          </button>
        )}
        {directions !== null && (
          <a
            className="hospital-action"
            href={directions}
            target="_blank"
            rel="noreferrer"
            aria-label={t('card.directionsName', { name: hospital.name })}
          >
            {t('card.directions')}
          </a>
        )}
      </div>
      <p className="hospital-card__status" role="status">
        {copyState === 'copied' && t('card.copied')}
        {copyState === 'failed' && t('card.copyFailed')}
      </p>
      {emphasis === 'normal' &&
        (suggesting ? (
          <CorrectionForm hospital={hospital} onClose={() => setSuggesting(false)} />
        ) : (
          <button type="button" className="hospital-card__suggest" onClick={() => setSuggesting(true)}>
            {t('card.suggest')}
          </button>
        ))}
    </article>
  );
}
