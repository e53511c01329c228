import { useTranslation } from 'react-i18next';

import { ScoreHistory } from '@/features/trust/components/score-history';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

/** /me/trust-history — "왜 내 발도장이 바뀌었나요?" */
export function TrustHistoryPage() {
  const { t } = useTranslation('trust');
  useDocumentTitle(t('history.title'));
  return (
    <div className="page">
      <BackHeader title={t('history.title')} lead={t('history.lead')} backTo="/me" />
      <ScoreHistory />
    </div>
  );
}
