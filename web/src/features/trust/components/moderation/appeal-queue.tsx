import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useAppeals, useDecideAppeal } from '../../api/moderation';
import type { QueueAppeal } from '../../api/types';
import { trustProblemMessage } from '../../utils/problem-message';
import { formatDateTime } from '../../utils/suspension';

import { ModerationTabs } from './moderation-tabs';
import '../trust.css';

function AppealItem({ appeal }: { appeal: QueueAppeal }) {
  const { t, i18n } = useTranslation('trust');
  const noteId = useId();
  const decide = useDecideAppeal();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const decideWith = (accept: boolean) => {
    if (note.trim() === '') {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    decide.mutate({ appealId: appeal.id, accept, note: note.trim() });
  };
  const title = t('appeals.item', { member: appeal.nickname ?? t('mine.deletedMember') });
  return (
    <li className="trust-list__item" aria-label={title}>
      <h3 className="trust-list__title">{title}</h3>
      <p className="trust-list__meta">
        <Link to={`/admin/moderation/reports/${encodeURIComponent(appeal.report_id)}`}>{t('appeals.report')}</Link> ·{' '}
        <time dateTime={appeal.created_at}>{formatDateTime(appeal.created_at, i18n.language)}</time>
      </p>
      <p className="trust-list__text">
        <span className="visually-hidden">{t('appeals.text')}: </span>“{appeal.text}”
      </p>
      <div className="trust-field">
        <label className="trust-field__label" htmlFor={noteId}>
          {t('appeals.note')}
        </label>
        <textarea
          id={noteId}
          className="trust-field__textarea"
          value={note}
          maxLength={1000}
          aria-invalid={noteMissing}
          aria-describedby={noteMissing ? `${noteId}-error` : undefined}
          onChange={(event) => setNote(event.target.value)}
        />
        {noteMissing && (
          <p id={`${noteId}-error`} className="trust-field__error">
            {t('moderation.noteRequired')}
          </p>
        )}
      </div>
      {decide.isError && <FormAlert message={trustProblemMessage(i18n, decide.error)} />}
      <div className="trust-actions">
        <Button
          isLoading={decide.isPending && decide.variables.accept}
          disabled={decide.isPending}
          onClick={() => decideWith(true)}
        >
          {t('appeals.accept')}
        </Button>
        <Button
          variant="secondary"
          isLoading={decide.isPending && !decide.variables.accept}
          disabled={decide.isPending}
          onClick={() => decideWith(false)}
        >
          {t('appeals.reject')}
        </Button>
      </div>
    </li>
  );
}

/** Appeals waiting for a decision: accepting one reverses that report's penalty only. */
export function AppealQueue() {
  const { t, i18n } = useTranslation('trust');
  const appeals = useAppeals();
  const items = appeals.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="trust-section" aria-labelledby="appeals-title">
      <h2 id="appeals-title" className="trust-section__title">
        {t('appeals.title')}
      </h2>
      <ModerationTabs current="appeals" />
      {appeals.isPending && <LoadingState message={t('appeals.loading')} />}
      {appeals.isError && (
        <ErrorState
          title={t('appeals.loadError')}
          message={translateProblem(i18n, appeals.error)}
          onRetry={() => void appeals.refetch()}
          isRetrying={appeals.isFetching}
        />
      )}
      {appeals.isSuccess && items.length === 0 && <EmptyState title={t('appeals.emptyTitle')} message={t('appeals.emptyBody')} />}
      {items.length > 0 && (
        <ul className="trust-list" aria-label={t('appeals.listLabel')}>
          {items.map((appeal) => (
            <AppealItem key={appeal.id} appeal={appeal} />
          ))}
        </ul>
      )}
      {appeals.hasNextPage && (
        <Button variant="secondary" block isLoading={appeals.isFetchingNextPage} onClick={() => void appeals.fetchNextPage()}>
          {t('appeals.more')}
        </Button>
      )}
    </section>
  );
}
