import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { AlertIcon, BlockIcon, ChevronRightIcon, GroupIcon, PawIcon, PersonIcon } from '@/components/icons/icons';
import { useSession } from '@/features/auth/api/refresh';
import { LogoutButton } from '@/features/auth/components/logout-button';
import { tokenHasRole } from '@/features/auth/utils/jwt';
import { MyDogs } from '@/features/member/components/dogs/my-dogs';
import { MyProfile } from '@/features/member/components/my-profile';
import { MyNeighbourhood } from '@/features/member/components/neighbourhood/my-neighbourhood';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

const LINKS = [
  { to: '/friends', key: 'me.friends', Icon: GroupIcon },
  { to: '/blocks', key: 'me.blocks', Icon: BlockIcon },
  { to: '/me/trust-history', key: 'trust:history.title', Icon: PawIcon },
  { to: '/reports', key: 'trust:mine.title', Icon: AlertIcon },
  { to: '/me/account', key: 'account:title', Icon: PersonIcon },
] as const;

// Only administrators see the way into 관리자; members get no hint of it.
const ADMIN_LINK = { to: '/admin', key: 'admin:title', Icon: PersonIcon } as const;

export function MePage() {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  const session = useSession();
  const links = tokenHasRole(session.data?.access_token, 'admin') ? [...LINKS, ADMIN_LINK] : LINKS;
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
          {links.map(({ to, key, Icon }) => (
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
