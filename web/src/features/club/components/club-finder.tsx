import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PlusIcon } from '@/components/icons/icons';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Segmented } from '@/components/ui/segmented';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { useFindClubs, useMyClubs } from '../api/clubs';
import { TOPICS, type Topic } from '../api/types';

import { ClubCard } from './club-card';
import './club.css';

type Scope = 'all' | 'dong' | 'gu';

/** 소모임 tab: my clubs, then clubs found by area, topic and name. */
export function ClubFinder({ regionCode }: { regionCode: string | null }) {
  const { t } = useTranslation('club');
  const [scope, setScope] = useState<Scope>(regionCode === null ? 'all' : 'gu');
  const [topic, setTopic] = useState<Topic | 'any'>('any');
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query, 300);
  const region = regionCode === null || scope === 'all' ? null : scope === 'dong' ? regionCode : regionCode.slice(0, 5);
  const mine = useMyClubs();
  const found = useFindClubs({ region, topic: topic === 'any' ? null : topic, q });
  const items = found.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="clubs">
      <div className="clubs__head">
        <div>
          <h1 className="page-title">{t('title')}</h1>
          <p className="clubs__lead">{t('lead')}</p>
        </div>
        <Link to="/clubs/new" className="button button--primary clubs__create">
          <PlusIcon size={18} />
          <span>{t('create')}</span>
        </Link>
      </div>

      <section aria-labelledby="my-clubs">
        <h2 id="my-clubs" className="clubs__section-title">
          {t('mine')}
        </h2>
        {mine.isPending && <LoadingState />}
        {mine.isError && <ErrorState message={t('loadError')} onRetry={() => void mine.refetch()} />}
        {mine.isSuccess && mine.data.items.length === 0 && <p className="clubs__muted">{t('mineEmpty')}</p>}
        {mine.isSuccess && mine.data.items.length > 0 && (
          <ul className="clubs__list">
            {mine.data.items.map((club) => (
              <li key={club.id}>
                <ClubCard club={club} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="find-clubs" className="clubs__find">
        <h2 id="find-clubs" className="clubs__section-title">
          {t('find')}
        </h2>
        {regionCode !== null && (
          <Segmented
            legend={t('region.label')}
            options={[
              { value: 'gu', label: t('region.gu') },
              { value: 'dong', label: t('region.dong') },
              { value: 'all', label: t('region.all') },
            ]}
            value={scope}
            onChange={setScope}
          />
        )}
        <label className="clubs__topic">
          <span className="field__label">{t('topicLabel')}</span>
          <select
            className="field__input"
            value={topic}
            onChange={(event) => setTopic(event.target.value as Topic | 'any')}
          >
            <option value="any">{t('anyTopic')}</option>
            {TOPICS.map((value) => (
              <option key={value} value={value}>
                {t(`topics.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <FormField
          label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          type="search"
        />
        {found.isPending && <LoadingState />}
        {found.isError && <ErrorState message={t('loadError')} onRetry={() => void found.refetch()} />}
        {found.isSuccess && items.length === 0 && <EmptyState title={t('empty')} message={t('emptyHint')} />}
        {items.length > 0 && (
          <ul className="clubs__list" aria-label={t('find')}>
            {items.map((club) => (
              <li key={club.id}>
                <ClubCard club={club} />
              </li>
            ))}
          </ul>
        )}
        {found.hasNextPage && (
          <Button variant="secondary" block isLoading={found.isFetchingNextPage} onClick={() => void found.fetchNextPage()}>
            {t('more')}
          </Button>
        )}
      </section>
    </div>
  );
}
