import { useTranslation } from 'react-i18next';

import { EmptyState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

interface ComingSoonPageProps {
  section: 'meetups' | 'clubs' | 'boards';
}

/** Placeholder for tabs whose features are not built yet. */
export function ComingSoonPage({ section }: ComingSoonPageProps) {
  const { t } = useTranslation('common');
  const title = t(`nav.${section}`);
  useDocumentTitle(title);
  return (
    <div className="page">
      <header className="page__header">
        <h1>{title}</h1>
      </header>
      <EmptyState title={t('comingSoon.title')} message={t('comingSoon.body', { feature: title })} />
    </div>
  );
}
