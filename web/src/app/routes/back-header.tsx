import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ChevronLeftIcon } from '@/components/icons/icons';

import './pages.css';

interface BackHeaderProps {
  title: string;
  lead?: string;
  /** Where "뒤로" goes. */
  backTo: string;
}

/** A sub-page heading with a link back to its parent page. */
export function BackHeader({ title, lead, backTo }: BackHeaderProps) {
  const { t } = useTranslation('common');
  return (
    <header className="page__header">
      <Link to={backTo} className="back-link">
        <ChevronLeftIcon size={18} />
        {t('actions.back')}
      </Link>
      <h1>{title}</h1>
      {lead !== undefined && <p>{lead}</p>}
    </header>
  );
}
