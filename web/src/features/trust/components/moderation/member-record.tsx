import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { MemberHistory } from '../../api/types';
import { historySentence } from '../../utils/history-sentence';
import { formatDate, formatDateTime } from '../../utils/suspension';
import { ReportStatusBadge } from '../report-status-badge';

/** What the administrator needs about the reported member: sanctions, earlier reports, score changes. */
export function MemberRecord({ member }: { member: MemberHistory }) {
  const { t, i18n } = useTranslation('trust');
  const suspension = member.active_suspension;
  return (
    <section className="card trust-section" aria-labelledby="member-record-title">
      <h3 id="member-record-title" className="trust-section__title">
        {t('moderation.historyTitle')} · {t('moderation.score', { score: member.score })}
      </h3>

      <h4 className="trust-list__title">{t('moderation.sanctions')}</h4>
      {suspension === null && member.ban === null ? (
        <p className="trust-section__empty">{t('moderation.noSanctions')}</p>
      ) : (
        <ul className="trust-list">
          {suspension !== null && (
            <li className="trust-list__meta">
              {t('sanctions.suspensions')} · {t('sanctions.until', { until: formatDate(suspension.ends_at, i18n.language) })}
            </li>
          )}
          {member.ban !== null && (
            <li className="trust-list__meta">
              {t('sanctions.bans')} · {t('sanctions.since', { since: formatDate(member.ban.banned_at, i18n.language) })}
              {member.ban.reason !== null && ` · ${t('sanctions.reason', { reason: member.ban.reason })}`}
            </li>
          )}
        </ul>
      )}

      <h4 className="trust-list__title">{t('moderation.earlierReports', { n: member.earlier_reports.length })}</h4>
      {member.earlier_reports.length === 0 ? (
        <p className="trust-section__empty">{t('moderation.noEarlierReports')}</p>
      ) : (
        <ul className="trust-list">
          {member.earlier_reports.map((earlier) => (
            <li key={earlier.id} className="trust-list__row">
              <Link to={`/admin/moderation/reports/${encodeURIComponent(earlier.id)}`}>
                {t(`type.${earlier.report_type}`)} · {formatDate(earlier.created_at, i18n.language)}
              </Link>
              <ReportStatusBadge status={earlier.status} />
            </li>
          ))}
        </ul>
      )}

      <h4 className="trust-list__title">{t('moderation.scoreHistory')}</h4>
      {member.score_changes.length === 0 ? (
        <p className="trust-section__empty">{t('moderation.noScoreHistory')}</p>
      ) : (
        <ul className="trust-list">
          {member.score_changes.map((change) => (
            <li key={change.cause_key} className="trust-list__meta">
              {historySentence(t, change)} ({t('history.change', { before: change.score_before, after: change.score_after })},{' '}
              {formatDateTime(change.occurred_at, i18n.language)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
