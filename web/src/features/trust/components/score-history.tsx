import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useMyAppeals, useMyHistory, useMyScore } from '../api/history';
import type { Appeal, AppealStatus, ScoreChange } from '../api/types';
import { historySentence, signedAmount } from '../utils/history-sentence';
import { formatDate, formatDateTime } from '../utils/suspension';

import { AppealForm } from './appeal-form';
import { SuspensionBanner } from './suspension-banner';
import './trust.css';

const APPEAL_TONES = { pending: 'warning', accepted: 'positive', rejected: 'neutral' } as const satisfies Record<
  AppealStatus,
  'neutral' | 'positive' | 'warning'
>;

interface HistoryItemProps {
  change: ScoreChange;
  /** The appeal against this change's report, if there is one. */
  appeal: Appeal | undefined;
  /** Appeals could not be loaded: offer none rather than a second one. */
  appealsKnown: boolean;
}

function HistoryItem({ change, appeal, appealsKnown }: HistoryItemProps) {
  const { t, i18n } = useTranslation('trust');
  const [appealing, setAppealing] = useState(false);
  const sentence = historySentence(t, change);
  const direction = change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'flat';
  const reportId = change.cause_kind === 'report_upheld' ? change.report_id : null;
  const canAppeal = reportId !== null && appealsKnown && appeal === undefined;
  return (
    <li className="trust-list__item" aria-label={sentence}>
      <div className="trust-list__row">
        <p className="history-item__sentence">{sentence}</p>
        <span className={`history-item__delta history-item__delta--${direction}`} aria-hidden="true">
          {signedAmount(change.delta)}
        </span>
      </div>
      <p className="trust-list__meta">
        {t('history.change', { before: change.score_before, after: change.score_after })} ·{' '}
        <time dateTime={change.occurred_at}>{formatDateTime(change.occurred_at, i18n.language)}</time>
      </p>
      {change.suspended_until !== null && (
        <p className="trust-field__error">{t('history.suspendedHere', { until: formatDate(change.suspended_until, i18n.language) })}</p>
      )}
      {appeal !== undefined && (
        <span>
          <Badge tone={APPEAL_TONES[appeal.status]}>{t(`appeal.status.${appeal.status}`)}</Badge>
        </span>
      )}
      {canAppeal &&
        (appealing ? (
          <AppealForm reportId={reportId} onDone={() => setAppealing(false)} onCancel={() => setAppealing(false)} />
        ) : (
          <span>
            <Button variant="secondary" onClick={() => setAppealing(true)}>
              {t('appeal.open')}
            </Button>
          </span>
        ))}
    </li>
  );
}

/** "왜 내 발도장이 바뀌었나요?": the current score and one plain sentence per change. */
export function ScoreHistory() {
  const { t, i18n } = useTranslation('trust');
  const score = useMyScore();
  const history = useMyHistory();
  const appeals = useMyAppeals();

  if (history.isPending) return <LoadingState message={t('history.loading')} />;
  if (history.isError) {
    return (
      <ErrorState
        title={t('history.loadError')}
        message={translateProblem(i18n, history.error)}
        onRetry={() => void history.refetch()}
        isRetrying={history.isFetching}
      />
    );
  }
  const items = history.data.pages.flatMap((page) => page.items);
  const appealByReport = new Map((appeals.data?.items ?? []).map((appeal) => [appeal.report_id, appeal]));
  const suspendedUntil = score.data?.suspended_until ?? null;
  return (
    <section className="trust-section">
      {suspendedUntil !== null && <SuspensionBanner until={suspendedUntil} />}
      {score.data !== undefined && (
        <p className="card history-current">
          {t('history.current')} <strong>{score.data.score}</strong> / 100
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState title={t('history.emptyTitle')} message={t('history.emptyBody')} />
      ) : (
        <ul className="trust-list" aria-label={t('history.listLabel')}>
          {items.map((change) => (
            <HistoryItem
              key={change.id}
              change={change}
              appeal={change.report_id === null ? undefined : appealByReport.get(change.report_id)}
              appealsKnown={appeals.isSuccess}
            />
          ))}
        </ul>
      )}
      {history.hasNextPage && (
        <Button variant="secondary" block isLoading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {t('history.more')}
        </Button>
      )}
    </section>
  );
}
