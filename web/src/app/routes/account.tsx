import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { AccountSettings } from '@/features/account/components/account-settings';
import { clearSession } from '@/features/auth/api/session';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

export function AccountPage() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t('title'));
  return (
    <div className="page">
      <BackHeader title={t('title')} lead={t('lead')} backTo="/me" />
      <AccountSettings
        onDeleted={() => {
          // The server already ended every session; forget it here, like logout does.
          // Navigate synchronously so this, not the session gate's own redirect to
          // /login, decides the state: the guest layout shows `notice` (an i18n key).
          clearSession(queryClient);
          void navigate('/login', { replace: true, flushSync: true, state: { notice: 'account:delete.done' } });
        }}
      />
    </div>
  );
}
