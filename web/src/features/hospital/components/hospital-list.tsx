import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import type { HospitalPage } from '../api/types';

import { HospitalCard } from './hospital-card';

interface HospitalListProps {
  search: UseInfiniteQueryResult<InfiniteData<HospitalPage>>;
  emphasis?: 'normal' | 'emergency';
  emptyTitle?: string;
  emptyBody?: string;
}

/** The search's pages as cards, with loading, empty and error states. */
export function HospitalList({ search, emphasis = 'normal', emptyTitle, emptyBody }: HospitalListProps) {
  const { t, i18n } = useTranslation('hospital');
  if (search.isPending) return <LoadingState message={t('list.loading')} />;
  if (search.isError) {
    return (
      <ErrorState
        title={t('list.loadError')}
        message={translateProblem(i18n, search.error)}
        onRetry={() => void search.refetch()}
        isRetrying={search.isFetching}
      />
    );
  }
  const hospitals = search.data.pages.flatMap((page) => page.items);
  if (hospitals.length === 0) {
    return <EmptyState title={emptyTitle ?? t('list.emptyTitle')} message={emptyBody ?? t('list.emptyBody')} />;
  }
  return (
    <div className="hospital-list">
      <ul className="hospital-list__items" aria-label={t('list.label')}>
        {hospitals.map((hospital) => (
          <li key={hospital.id}>
            <HospitalCard hospital={hospital} emphasis={emphasis} />
          </li>
        ))}
      </ul>
      {search.hasNextPage && (
        <Button variant="secondary" block isLoading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
          {t('list.more')}
        </Button>
      )}
    </div>
  );
}
