import { useTranslation } from 'react-i18next';

import { FriendsList } from '@/features/friends/components/friends-list';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

export function FriendsPage() {
  const { t } = useTranslation('friends');
  useDocumentTitle(t('friends.title'));
  return (
    <div className="page">
      <BackHeader title={t('friends.title')} lead={t('friends.subtitle')} backTo="/me" />
      <FriendsList />
    </div>
  );
}
