import { useTranslation } from 'react-i18next';

import { MyReports } from '@/features/trust/components/my-reports';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

/** /reports — 내 신고 with each report's status. */
export function MyReportsPage() {
  const { t } = useTranslation('trust');
  useDocumentTitle(t('mine.title'));
  return (
    <div className="page">
      <BackHeader title={t('mine.title')} backTo="/me" />
      <MyReports />
    </div>
  );
}
