import { useTranslation } from 'react-i18next';

import { HospitalFinder } from '@/features/hospital/components/hospital-finder';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

export function HospitalsPage() {
  const { t } = useTranslation('hospital');
  useDocumentTitle(t('title'));
  return (
    <div className="page">
      <BackHeader title={t('title')} lead={t('lead')} backTo="/" />
      <HospitalFinder />
    </div>
  );
}
