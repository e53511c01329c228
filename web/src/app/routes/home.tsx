import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { BoardIcon, BoltIcon, GroupIcon, HospitalIcon } from '@/components/icons/icons';
import { PopularCard } from '@/features/board/components/popular-card';
import { UpcomingClubCard } from '@/features/club/components/upcoming-card';
import { OpenNowCard } from '@/features/hospital/components/open-now-card';
import { TodayMeetupCard } from '@/features/meetup/components/today-card';
import { Greeting } from '@/features/member/components/greeting';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

const SHORTCUTS = [
  { to: '/meetups', key: 'home.meetups', Icon: BoltIcon },
  { to: '/clubs', key: 'home.clubs', Icon: GroupIcon },
  { to: '/boards', key: 'home.boards', Icon: BoardIcon },
  { to: '/hospitals', key: 'home.hospitals', Icon: HospitalIcon },
] as const;

export function HomePage() {
  const { t } = useTranslation('common');
  useDocumentTitle(t('nav.home'));
  return (
    <div className="page">
      <Greeting />
      <TodayMeetupCard />
      <UpcomingClubCard />
      <OpenNowCard />
      <PopularCard />
      <section className="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t('home.shortcuts')}</h2>
        <ul>
          {SHORTCUTS.map(({ to, key, Icon }) => (
            <li key={to}>
              <Link to={to} className="shortcut">
                <span className="shortcut__icon">
                  <Icon size={22} />
                </span>
                <span>{t(key)}</span>
                <span className="shortcut__chevron" aria-hidden="true">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
