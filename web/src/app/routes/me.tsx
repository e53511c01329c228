import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { BlockIcon, ChevronRightIcon, GroupIcon, PersonIcon } from '@/components/icons/icons';
import { LogoutButton } from '@/features/auth/components/logout-button';
import { MyDogs } from '@/features/member/components/dogs/my-dogs';
import { MyProfile } from '@/features/member/components/my-profile';
import { MyNeighbourhood } from '@/features/member/components/neighbourhood/my-neighbourhood';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

const LINKS = [
  { to: '/friends', key: 'me.friends', Icon: GroupIcon },
  { to: '/blocks', key: 'me.blocks', Icon: BlockIcon },
  { to: '/me/account', key: 'account:title', Icon: PersonIcon },
] as const;

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
      <MyDogs />
      <MyNeighbourhood />
      <nav aria-label={t('me.linksLabel')}>
        <ul className="link-list">
          {LINKS.map(({ to, key, Icon }) => (
            <li key={to}>
              <Link to={to} className="shortcut">
                <span className="shortcut__icon">
                  <Icon size={22} />
                </span>
                <span>{t(key)}</span>
                <span className="shortcut__chevron">
                  <ChevronRightIcon size={18} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LogoutButton onSuccess={() => void navigate('/login', { replace: true })} />
    </div>
  );
}
