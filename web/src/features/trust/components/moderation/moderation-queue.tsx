import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useModerationQueue } from '../../api/moderation';
import { REPORT_STATUSES, REPORT_TYPES } from '../../utils/report-types';
import { formatDateTime } from '../../utils/suspension';
import { ReportStatusBadge } from '../report-status-badge';

import { ModerationTabs } from './moderation-tabs';
import '../trust.css';

/** The administrators' queue: filter by status (접수 by default) and type, open one to decide. */
export function ModerationQueue() {
  const { t, i18n } = useTranslation('trust');
  // The filter lives in the address, so "back" from a report returns to the same list.
  const [params, setParams] = useSearchParams();
  const filter = { status: params.get('status') ?? '', type: params.get('type') ?? '' };
  const queue = useModerationQueue(filter);

  function setFilter(key: 'status' | 'type', value: string) {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  }

  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="trust-section" aria-labelledby="moderation-title">
      <h2 id="moderation-title" className="trust-section__title">
        {t('moderation.title')}
      </h2>
      <ModerationTabs current="queue" />
      <div className="trust-filters">
        <SelectField
          label={t('moderation.filterStatus')}
          value={filter.status}
          onChange={(event) => setFilter('status', event.target.value)}
          options={[
            { value: '', label: t('moderation.all') },
            ...REPORT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
          ]}
        />
        <SelectField
          label={t('moderation.filterType')}
          value={filter.type}
          onChange={(event) => setFilter('type', event.target.value)}
          options={[
            { value: '', label: t('moderation.all') },
            ...REPORT_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) })),
          ]}
        />
      </div>
      {queue.isPending && <LoadingState message={t('moderation.loading')} />}
      {queue.isError && (
        <ErrorState
          title={t('moderation.loadError')}
          message={translateProblem(i18n, queue.error)}
          onRetry={() => void queue.refetch()}
          isRetrying={queue.isFetching}
        />
      )}
      {queue.isSuccess && items.length === 0 && <EmptyState title={t('moderation.emptyTitle')} message={t('moderation.emptyBody')} />}
      {items.length > 0 && (
        <ul className="trust-list" aria-label={t('moderation.listLabel')}>
          {items.map((report) => {
            const title = t('moderation.item', {
              reported: report.reported_nickname ?? t('mine.deletedMember'),
              type: t(`type.${report.report_type}`),
            });
            return (
              <li key={report.id} className="trust-list__item" aria-label={title}>
                <div className="trust-list__row">
                  <h3 className="trust-list__title">{title}</h3>
                  <ReportStatusBadge status={report.status} />
                </div>
                <p className="trust-list__meta">
                  {t('moderation.by', { reporter: report.reporter_nickname ?? t('mine.deletedMember') })} ·{' '}
                  <time dateTime={report.created_at}>{formatDateTime(report.created_at, i18n.language)}</time>
                  {report.evidence_count > 0 && ` · ${t('mine.evidenceCount', { n: report.evidence_count })}`}
                </p>
                <Link to={`/admin/moderation/reports/${encodeURIComponent(report.id)}`} className="button button--secondary">
                  {t('moderation.open')}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {queue.hasNextPage && (
        <Button variant="secondary" block isLoading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
          {t('moderation.more')}
        </Button>
      )}
    </section>
  );
}
