import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { AppShell } from '@/components/layout/app-shell';
import { EmptyState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  useDocumentTitle(t('notFound.title'));
  return (
    <AppShell withNav={false}>
      <EmptyState
        title={t('notFound.title')}
        message={t('notFound.body')}
        action={<Link to="/">{t('notFound.home')}</Link>}
      />
    </AppShell>
  );
}
