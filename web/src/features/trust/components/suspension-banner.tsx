import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { AlertIcon } from '@/components/icons/icons';

import { useSuspensionNotice } from '../api/suspension';
import { formatDate } from '../utils/suspension';

import './trust.css';

interface SuspensionBannerProps {
  /** A known end (e.g. from the score history); otherwise the last refused write's. */
  until?: string | null;
}

/** Shown once a write was refused with `trust.suspended`: until when, and what still works. */
export function SuspensionBanner({ until }: SuspensionBannerProps) {
  const { t, i18n } = useTranslation('trust');
  const notice = useSuspensionNotice();
  const end = until ?? notice.data?.until ?? null;
  if (until === undefined && notice.data === undefined) return null;
  return (
    <section className="suspension-banner" role="alert" aria-labelledby="suspension-banner-title">
      <AlertIcon size={22} />
      <div>
        <h2 id="suspension-banner-title" className="suspension-banner__title">
          {t('suspension.title')}
        </h2>
        <p className="suspension-banner__body">
          {end === null ? t('suspension.bodyNoDate') : t('suspension.body', { until: formatDate(end, i18n.language) })}
        </p>
        <Link to="/me/trust-history">{t('suspension.history')}</Link>
      </div>
    </section>
  );
}
