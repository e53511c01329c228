import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import { BoardIcon, BoltIcon, GroupIcon, HomeIcon, PersonIcon } from '../icons/icons';
import './bottom-nav.css';

interface Tab {
  to: string;
  labelKey: 'nav.home' | 'nav.meetups' | 'nav.clubs' | 'nav.boards' | 'nav.me';
  Icon: ComponentType<{ size?: number }>;
}

const TABS: readonly Tab[] = [
  { to: '/', labelKey: 'nav.home', Icon: HomeIcon },
  { to: '/meetups', labelKey: 'nav.meetups', Icon: BoltIcon },
  { to: '/clubs', labelKey: 'nav.clubs', Icon: GroupIcon },
  { to: '/boards', labelKey: 'nav.boards', Icon: BoardIcon },
  { to: '/me', labelKey: 'nav.me', Icon: PersonIcon },
];

/** The five main tabs; the active one carries aria-current="page". */
export function BottomNav() {
  const { t } = useTranslation('common');
  return (
    <nav className="bottom-nav" aria-label={t('nav.label')}>
      <ul className="bottom-nav__list">
        {TABS.map(({ to, labelKey, Icon }) => (
          <li key={to} className="bottom-nav__item">
            <NavLink to={to} end={to === '/'} className="bottom-nav__link">
              <Icon size={24} />
              <span className="bottom-nav__label">{t(labelKey)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
