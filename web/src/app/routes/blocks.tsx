import { useTranslation } from 'react-i18next';

import { BlockedList } from '@/features/friends/components/blocked-list';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

export function BlocksPage() {
  const { t } = useTranslation('friends');
  useDocumentTitle(t('blocks.title'));
  return (
    <div className="page">
      <BackHeader title={t('blocks.title')} lead={t('blocks.subtitle')} backTo="/me" />
      <BlockedList />
    </div>
  );
}
