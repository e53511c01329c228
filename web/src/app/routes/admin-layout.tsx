import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';

import { AppShell } from '@/components/layout/app-shell';
import { EmptyState } from '@/components/ui/states';
import { AdminSections } from '@/features/admin/components/admin-sections';
import { useSession } from '@/features/auth/api/refresh';
import { tokenHasRole } from '@/features/auth/utils/jwt';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

/**
 * The admin area (관리자), inside the session gate but not the onboarding gate: an
 * administrator need not have a dog. Accounts whose token lacks the admin role
 * see a 403 page; there is no link to it anywhere for them.
 */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const isAdmin = tokenHasRole(session.data?.access_token, 'admin');
  useDocumentTitle(isAdmin ? t('title') : t('forbidden.title'));

  if (!isAdmin) {
    return (
      <AppShell withNav={false}>
        <EmptyState
          title={t('forbidden.title')}
          message={t('forbidden.body')}
          action={<Link to="/">{t('forbidden.home')}</Link>}
        />
      </AppShell>
    );
  }

  return (
    <AppShell withNav={false}>
      <div className="page">
        <BackHeader title={t('title')} lead={t('lead')} backTo="/" />
        <AdminSections />
        <Outlet />
      </div>
    </AppShell>
  );
}
