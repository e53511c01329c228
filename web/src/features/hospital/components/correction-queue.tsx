import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useCorrections, useDecideCorrection } from '../api/corrections';
import type { Correction } from '../api/types';

import './hospital.css';

function Proposal({ correction }: { correction: Correction }) {
  const { t } = useTranslation('hospital');
  const days = t('weekdays', { returnObjects: true }) as string[];
  if (correction.kind === 'phone') return <p>{t('admin.proposedPhone', { phone: correction.phone ?? '' })}</p>;
  if (correction.kind === 'hours') {
    return (
      <ul className="correction-queue__hours">
        {correction.open_24h === true && <li>{t('admin.proposed24h')}</li>}
        {(correction.hours ?? []).map((interval) => (
          <li key={`${interval.weekday}-${interval.opens}`}>
            {days[interval.weekday]} {interval.opens}–{interval.closes}
          </li>
        ))}
      </ul>
    );
  }
  return null;
}

function CorrectionItem({ correction }: { correction: Correction }) {
  const { t, i18n } = useTranslation('hospital');
  const decide = useDecideCorrection();
  const [reason, setReason] = useState('');
  const headingId = `correction-${correction.id}`;
  return (
    <li className="correction-queue__item" aria-labelledby={headingId}>
      <h3 id={headingId} className="correction-queue__name">
        {correction.hospital_name} · {t(`admin.kind.${correction.kind}`)}
      </h3>
      <Proposal correction={correction} />
      {correction.note !== '' && <p className="correction-queue__note">“{correction.note}”</p>}
      <label className="correction-queue__reason">
        {t('admin.reason')}
        <input value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
      </label>
      {decide.isError && <FormAlert message={translateProblem(i18n, decide.error)} />}
      <div className="correction-queue__buttons">
        <Button
          isLoading={decide.isPending && decide.variables.accept}
          disabled={decide.isPending}
          onClick={() => decide.mutate({ correctionId: correction.id, accept: true, reason })}
        >
          {t('admin.accept')}
        </Button>
        <Button
          variant="secondary"
          isLoading={decide.isPending && !decide.variables.accept}
          disabled={decide.isPending}
          onClick={() => decide.mutate({ correctionId: correction.id, accept: false, reason })}
        >
          {t('admin.reject')}
        </Button>
      </div>
    </li>
  );
}

/** Administrators work the members' corrections, oldest first; each decision is audited. */
export function CorrectionQueue() {
  const { t, i18n } = useTranslation('hospital');
  const corrections = useCorrections();
  if (corrections.isPending) return <LoadingState message={t('admin.loading')} />;
  if (corrections.isError) {
    return (
      <ErrorState
        title={t('admin.loadError')}
        message={translateProblem(i18n, corrections.error)}
        onRetry={() => void corrections.refetch()}
        isRetrying={corrections.isFetching}
      />
    );
  }
  const items = corrections.data.pages.flatMap((page) => page.items);
  return (
    <section className="correction-queue" aria-labelledby="correction-queue-title">
      <h2 id="correction-queue-title" className="correction-queue__title">
        {t('admin.title')}
      </h2>
      {items.length === 0 ? (
        <EmptyState title={t('admin.emptyTitle')} message={t('admin.emptyBody')} />
      ) : (
        <ul className="correction-queue__items">
          {items.map((correction) => (
            <CorrectionItem key={correction.id} correction={correction} />
          ))}
        </ul>
      )}
      {corrections.hasNextPage && (
        <Button variant="secondary" block isLoading={corrections.isFetchingNextPage} onClick={() => void corrections.fetchNextPage()}>
          {t('admin.more')}
        </Button>
      )}
    </section>
  );
}
