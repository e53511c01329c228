import { useTranslation } from 'react-i18next';

import { PawIcon } from '@/components/icons/icons';

import './trust-score-gauge.css';

const PAWS = 5;

interface TrustScoreGaugeProps {
  score: number;
}

/** 발도장: the trust score 0–100 as a number and five paws filled in proportion. */
export function TrustScoreGauge({ score }: TrustScoreGaugeProps) {
  const { t } = useTranslation('member');
  const value = Math.max(0, Math.min(100, Math.round(score)));
  const paws = Array.from({ length: PAWS }, (_, index) => <PawIcon key={index} size={26} />);
  return (
    <div className="trust-gauge">
      <div className="trust-gauge__header">
        <span className="trust-gauge__label">{t('trustScore.label')}</span>
        <span className="trust-gauge__value">
          <strong>{value}</strong>
          <span className="trust-gauge__max"> / 100</span>
        </span>
      </div>
      <div
        className="trust-gauge__paws"
        role="meter"
        aria-label={t('trustScore.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={t('trustScore.valueText', { value })}
      >
        <span className="trust-gauge__row trust-gauge__row--empty">{paws}</span>
        <span
          className="trust-gauge__row trust-gauge__row--filled"
          style={{ clipPath: `inset(0 ${100 - value}% 0 0)` }}
        >
          {paws}
        </span>
      </div>
      <p className="trust-gauge__help">{t('trustScore.help')}</p>
    </div>
  );
}
