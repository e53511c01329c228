import { useTranslation } from 'react-i18next';

import { EmergencyView } from '@/features/hospital/components/emergency-view';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

export function HospitalsEmergencyPage() {
  const { t } = useTranslation('hospital');
  useDocumentTitle(t('emergency.title'));
  return (
    <div className="page">
      <BackHeader title={t('emergency.title')} lead={t('emergency.lead')} backTo="/hospitals" />
      <EmergencyView />
    </div>
  );
}
