import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PawIcon } from '../icons/icons';

import { LanguageSwitch } from './language-switch';
import './top-bar.css';

export function TopBar() {
  const { t } = useTranslation('common');
  return (
    <header className="top-bar">
      <Link to="/" className="top-bar__brand">
        <span className="top-bar__logo">
          <PawIcon size={20} />
        </span>
        <span className="top-bar__name">{t('app.name')}</span>
      </Link>
      <LanguageSwitch />
    </header>
  );
}
