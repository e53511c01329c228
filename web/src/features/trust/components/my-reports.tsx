import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useMyReports } from '../api/reports';
import { formatDateTime } from '../utils/suspension';

import { ReportStatusBadge } from './report-status-badge';
import './trust.css';

/** 내 신고: what I reported and where each report stands. */
export function MyReports() {
  const { t, i18n } = useTranslation('trust');
  const reports = useMyReports();

  if (reports.isPending) return <LoadingState message={t('mine.loading')} />;
  if (reports.isError) {
    return (
      <ErrorState
        title={t('mine.loadError')}
        message={translateProblem(i18n, reports.error)}
        onRetry={() => void reports.refetch()}
        isRetrying={reports.isFetching}
      />
    );
  }
  const items = reports.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState
        title={t('mine.emptyTitle')}
        message={t('mine.emptyBody')}
        action={
          <Link to="/reports/new" className="button button--secondary">
            {t('mine.new')}
          </Link>
        }
      />
    );
  }
  return (
    <section className="trust-section">
      <ul className="trust-list" aria-label={t('mine.listLabel')}>
        {items.map((report) => {
          const title = t('mine.against', { nickname: report.reported_nickname ?? t('mine.deletedMember') });
          return (
            <li key={report.id} className="trust-list__item" aria-label={title}>
              <div className="trust-list__row">
                <h2 className="trust-list__title">{title}</h2>
                <ReportStatusBadge status={report.status} />
              </div>
              <p className="trust-list__meta">
                {t(`type.${report.report_type}`)} ·{' '}
                <time dateTime={report.last_filed_at}>{formatDateTime(report.last_filed_at, i18n.language)}</time>
                {report.evidence.length > 0 && ` · ${t('mine.evidenceCount', { n: report.evidence.length })}`}
              </p>
              {report.statements.map((statement) => (
                <p key={statement.filed_at} className="trust-list__text">
                  {statement.description}
                </p>
              ))}
            </li>
          );
        })}
      </ul>
      {reports.hasNextPage && (
        <Button variant="secondary" block isLoading={reports.isFetchingNextPage} onClick={() => void reports.fetchNextPage()}>
          {t('mine.more')}
        </Button>
      )}
    </section>
  );
}
