import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ChevronLeftIcon } from '@/components/icons/icons';
import { MediaPreview } from '@/components/media/media-preview';
import { numberByKind } from '@/components/media/number-by-kind';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { isApiProblem } from '@/lib/problem';

import { toEvidenceItem } from '../../api/evidence';
import { useReportDetail, useStartReview } from '../../api/moderation';
import type { ReportDetail } from '../../api/types';
import { signedAmount } from '../../utils/history-sentence';
import { trustProblemMessage } from '../../utils/problem-message';
import { formatDateTime } from '../../utils/suspension';
import { ReportStatusBadge } from '../report-status-badge';

import { BanForm } from './ban-form';
import { DecisionForm } from './decision-form';
import { MemberRecord } from './member-record';
import '../trust.css';

function Outcome({ report }: { report: ReportDetail }) {
  const { t, i18n } = useTranslation('trust');
  return (
    <section className="card trust-section" aria-labelledby="report-outcome-title">
      <h3 id="report-outcome-title" className="trust-section__title">
        {t('moderation.decided', { status: t(`status.${report.status}`) })}
      </h3>
      {report.penalty !== null && <p className="trust-list__meta">{t('moderation.penaltyTaken', { amount: signedAmount(-report.penalty) })}</p>}
      {report.resolution_note !== null && <p className="trust-list__text">“{report.resolution_note}”</p>}
      {report.resolved_at !== null && (
        <p className="trust-list__meta">
          {report.automatic ? t('moderation.automatic') : t('moderation.byAdmin')} · {formatDateTime(report.resolved_at, i18n.language)}
        </p>
      )}
      {report.appeal !== null && (
        <p className="trust-list__meta">
          {t(`appeal.status.${report.appeal.status}`)} · “{report.appeal.text}”
        </p>
      )}
    </section>
  );
}

/** One report as the administrator decides it: what was said, the evidence, the member's record. */
export function ReportReview({ reportId }: { reportId: string }) {
  const { t, i18n } = useTranslation('trust');
  const detail = useReportDetail(reportId);
  const startReview = useStartReview();
  const back = (
    <Link to="/admin/moderation" className="back-link">
      <ChevronLeftIcon size={18} />
      {t('moderation.back')}
    </Link>
  );

  if (detail.isPending) return <LoadingState message={t('moderation.detailLoading')} />;
  if (detail.isError) {
    if (isApiProblem(detail.error) && (detail.error.status === 404 || detail.error.status === 422)) {
      return <EmptyState title={t('errors.trust.report_not_found')} action={back} />;
    }
    return (
      <ErrorState
        title={t('moderation.detailLoadError')}
        message={trustProblemMessage(i18n, detail.error)}
        onRetry={() => void detail.refetch()}
        isRetrying={detail.isFetching}
      />
    );
  }
  const report = detail.data;
  const reported = report.reported_nickname ?? t('mine.deletedMember');
  const title = t('moderation.item', { reported, type: t(`type.${report.report_type}`) });
  const evidence = numberByKind(report.evidence.map(toEvidenceItem));
  const open = report.status === 'received' || report.status === 'in_review';
  return (
    <article className="trust-section" aria-labelledby="report-review-title">
      {back}
      <div className="trust-list__row">
        <h2 id="report-review-title" className="trust-section__title">
          {title}
        </h2>
        <ReportStatusBadge status={report.status} />
      </div>
      <dl className="card trust-facts">
        <div>
          <dt>{t('moderation.reported')}</dt>
          <dd>
            <Link to={`/members/${encodeURIComponent(report.reported_member_id)}`}>{reported}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('moderation.reporter')}</dt>
          <dd>{report.reporter_nickname ?? t('mine.deletedMember')}</dd>
        </div>
        {report.statements.map((statement) => (
          <div key={statement.filed_at}>
            <dt>
              {t('moderation.description')} · {t(`type.${statement.report_type}`)} ·{' '}
              <time dateTime={statement.filed_at}>{formatDateTime(statement.filed_at, i18n.language)}</time>
            </dt>
            <dd className="trust-list__text">{statement.description}</dd>
          </div>
        ))}
      </dl>

      {report.status === 'received' && (
        <div className="trust-actions">
          {startReview.isError && <FormAlert message={trustProblemMessage(i18n, startReview.error)} />}
          <Button variant="secondary" isLoading={startReview.isPending} onClick={() => startReview.mutate(report.id)}>
            {t('moderation.startReview')}
          </Button>
        </div>
      )}

      <section className="trust-section" aria-labelledby="report-evidence-title">
        <h3 id="report-evidence-title" className="trust-section__title">
          {t('moderation.evidence')}
        </h3>
        {evidence.length === 0 ? (
          <p className="trust-section__empty">{t('moderation.noEvidence')}</p>
        ) : (
          <ul className="evidence-grid">
            {evidence.map(({ item, n }) => (
              <li key={item.id}>
                <MediaPreview
                  item={item}
                  label={t(item.kind === 'video' ? 'moderation.evidenceVideo' : 'moderation.evidencePhoto', { n })}
                  size="lg"
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <MemberRecord member={report.reported_member} />

      {open ? <DecisionForm report={report} /> : <Outcome report={report} />}
      {!report.reported_member.deleted && (
        <BanForm memberId={report.reported_member_id} nickname={reported} banned={report.reported_member.ban !== null} />
      )}
    </article>
  );
}
