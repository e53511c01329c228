import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useBans, useSuspensions } from '../../api/moderation';
import { formatDate } from '../../utils/suspension';

import { ModerationTabs } from './moderation-tabs';
import '../trust.css';

interface Row {
  memberId: string;
  nickname: string | null;
  when: string;
  reason: string | null;
}

interface GroupProps {
  title: string;
  empty: string;
  rows: Row[];
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    isFetching: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    refetch: () => unknown;
    fetchNextPage: () => unknown;
  };
}

function SanctionGroup({ title, empty, rows, query }: GroupProps) {
  const { t, i18n } = useTranslation('trust');
  return (
    <section className="card trust-section" aria-label={title}>
      <h3 className="trust-section__title">
        {title}
        {!query.isPending && ` (${rows.length}${query.hasNextPage ? '+' : ''})`}
      </h3>
      {query.isPending && <LoadingState message={t('sanctions.loading')} />}
      {query.isError && (
        <ErrorState
          title={t('sanctions.loadError')}
          message={translateProblem(i18n, query.error)}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      )}
      {!query.isPending && !query.isError && rows.length === 0 && <p className="trust-section__empty">{empty}</p>}
      {rows.length > 0 && (
        <ul className="trust-list">
          {rows.map((row) => (
            <li key={row.memberId} className="trust-list__item" aria-label={row.nickname ?? t('mine.deletedMember')}>
              <Link to={`/members/${encodeURIComponent(row.memberId)}`} className="trust-list__title">
                {row.nickname ?? t('mine.deletedMember')}
              </Link>
              <p className="trust-list__meta">{row.when}</p>
              {row.reason !== null && <p className="trust-list__text">{t('sanctions.reason', { reason: row.reason })}</p>}
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button variant="secondary" block isLoading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t('moderation.more')}
        </Button>
      )}
    </section>
  );
}

/** Who is suspended now (and until when) and who is banned for good. */
export function SanctionsList() {
  const { t, i18n } = useTranslation('trust');
  const suspensions = useSuspensions();
  const bans = useBans();
  const suspensionRows = (suspensions.data?.pages ?? []).flatMap((page) =>
    page.items.map((item) => ({
      memberId: item.member_id,
      nickname: item.nickname,
      when: `${t('sanctions.since', { since: formatDate(item.started_at, i18n.language) })} · ${t('sanctions.until', {
        until: formatDate(item.ends_at, i18n.language),
      })}`,
      reason: null,
    })),
  );
  const banRows = (bans.data?.pages ?? []).flatMap((page) =>
    page.items.map((item) => ({
      memberId: item.member_id,
      nickname: item.nickname,
      when: t('sanctions.since', { since: formatDate(item.banned_at, i18n.language) }),
      reason: item.reason,
    })),
  );
  return (
    <section className="trust-section" aria-labelledby="sanctions-title">
      <h2 id="sanctions-title" className="trust-section__title">
        {t('sanctions.title')}
      </h2>
      <ModerationTabs current="sanctions" />
      <SanctionGroup title={t('sanctions.suspensions')} empty={t('sanctions.noSuspensions')} rows={suspensionRows} query={suspensions} />
      <SanctionGroup title={t('sanctions.bans')} empty={t('sanctions.noBans')} rows={banRows} query={bans} />
    </section>
  );
}
