import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useClub, useJoinClub, useLeaveClub } from '../api/clubs';

import { AlbumTab } from './album-tab';
import { BoardTab } from './board-tab';
import { ChatTab } from './chat-tab';
import { MembersTab } from './members-tab';
import { ScheduleTab } from './schedule-tab';
import './club.css';

const TABS = ['schedule', 'notice', 'free', 'album', 'chat', 'members'] as const;
type Tab = (typeof TABS)[number];

/** One club: its information, joining, and the tabs inside. */
export function ClubPage({ clubId, meId }: { clubId: string; meId: string }) {
  const { t, i18n } = useTranslation('club');
  const club = useClub(clubId);
  const join = useJoinClub(clubId);
  const leave = useLeaveClub(clubId);
  const [tab, setTab] = useState<Tab>('schedule');

  if (club.isPending) return <LoadingState />;
  if (club.isError) return <ErrorState message={translateProblem(i18n, club.error)} onRetry={() => void club.refetch()} />;
  const data = club.data;
  const member = data.my_role !== null;
  const canModerate = data.my_role === 'owner' || data.my_role === 'manager';

  return (
    <div className="club-page">
      {data.cover_url !== null && <img className="club-page__cover" src={data.cover_url} alt="" />}
      <header className="club-page__head">
        <h2 className="page-title">{data.title}</h2>
        <p className="clubs__muted">
          {t(`topics.${data.topic}`)} · {data.region_name} · {t('members', { count: data.member_count })} ·{' '}
          {t(`joinMode.${data.join_mode}`)}
        </p>
        {data.my_role !== null && <Badge tone="positive">{t(`roles.${data.my_role}`)}</Badge>}
        <p className="club-page__text">{data.text}</p>
        {data.my_status === null && (
          <Button block isLoading={join.isPending} onClick={() => join.mutate()}>
            {data.join_mode === 'open' ? t('join') : t('ask')}
          </Button>
        )}
        {data.my_status === 'pending' && <p role="status">{t('pendingNote')}</p>}
        {member && data.my_role !== 'owner' && (
          <Button variant="ghost" isLoading={leave.isPending} onClick={() => leave.mutate()}>
            {t('leave')}
          </Button>
        )}
        {(join.isError || leave.isError) && <FormAlert message={translateProblem(i18n, join.error ?? leave.error)} />}
      </header>

      <div className="club-tabs" role="tablist" aria-label={t('tabs.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`club-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="club-tab-panel"
            className={tab === name ? 'club-tabs__tab club-tabs__tab--active' : 'club-tabs__tab'}
            onClick={() => setTab(name)}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <section id="club-tab-panel" role="tabpanel" aria-labelledby={`club-tab-${tab}`} className="club-tabs__panel">
        {tab === 'schedule' && <ScheduleTab club={data} canManage={canModerate} />}
        {tab !== 'schedule' && !member && <p className="clubs__muted">{t('membersOnly')}</p>}
        {member && (tab === 'notice' || tab === 'free') && (
          <BoardTab key={tab} club={data} board={tab} canModerate={canModerate} />
        )}
        {member && tab === 'album' && <AlbumTab club={data} />}
        {member && tab === 'chat' && <ChatTab club={data} meId={meId} canModerate={canModerate} />}
        {member && tab === 'members' && <MembersTab club={data} meId={meId} />}
      </section>
    </div>
  );
}
