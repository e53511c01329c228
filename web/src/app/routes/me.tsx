import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { LogoutButton } from '@/features/auth/components/logout-button';
import { MyProfile } from '@/features/member/components/my-profile';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

export function MePage() {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  useDocumentTitle(t('nav.me'));
  return (
    <div className="page">
      <header className="page__header">
        <h1>{t('nav.me')}</h1>
      </header>
      <MyProfile />
      <LogoutButton onSuccess={() => void navigate('/login', { replace: true })} />
    </div>
  );
}
