import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { BottomNav } from './bottom-nav';
import { TopBar } from './top-bar';
import './app-shell.css';

interface AppShellProps {
  children: ReactNode;
  /** The bottom navigation is for members; sign-up and login pages hide it. */
  withNav?: boolean;
}

/** Mobile-first frame: top bar, a centred column of content, bottom tabs. */
export function AppShell({ children, withNav = true }: AppShellProps) {
  const { t } = useTranslation('common');
  return (
    <div className={withNav ? 'app-shell app-shell--with-nav' : 'app-shell'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar />
      <main id="main" className="app-shell__main" tabIndex={-1}>
        {children}
      </main>
      {withNav && <BottomNav />}
    </div>
  );
}
