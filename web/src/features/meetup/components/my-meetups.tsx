import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './meetup.css';

import { Button } from '@/components/ui/button';
import { Segmented } from '@/components/ui/segmented';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useCreateFeed, useMyMeetups, useRevokeFeed } from '../api/meetups';

import { MeetupCard } from './meetup-card';

function FeedCard() {
  const { t, i18n } = useTranslation('meetup');
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const url = create.data === undefined || revoke.isSuccess ? null : `${window.location.origin}${create.data.path}`;
  return (
    <section className="card meetup-feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('feed.title')}</h2>
      <p className="meetup-form__hint">{t('feed.hint')}</p>
      {url !== null && (
        <p className="meetup-feed__url">
          <input readOnly value={url} aria-label={t('feed.url')} onFocus={(event) => event.target.select()} />
        </p>
      )}
      {(create.isError || revoke.isError) && (
        <p role="alert">{translateProblem(i18n, create.error ?? revoke.error)}</p>
      )}
      <div className="meetup-detail__actions">
        <Button
          variant="secondary"
          onClick={() => {
            revoke.reset();
            create.mutate();
          }}
          isLoading={create.isPending}
        >
          {create.data === undefined ? t('feed.create') : t('feed.renew')}
        </Button>
        <Button variant="ghost" onClick={() => revoke.mutate()} isLoading={revoke.isPending}>
          {t('feed.revoke')}
        </Button>
      </div>
      {revoke.isSuccess && <p role="status">{t('feed.revoked')}</p>}
    </section>
  );
}

/** 내 번개: upcoming or past, and the private calendar feed. */
export function MyMeetups() {
  const { t, i18n } = useTranslation('meetup');
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const mine = useMyMeetups(when);
  const items = mine.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="meetup-finder">
      <Segmented
        legend={t('mine.when')}
        value={when}
        onChange={setWhen}
        options={[
          { value: 'upcoming', label: t('mine.upcoming') },
          { value: 'past', label: t('mine.past') },
        ]}
      />
      {mine.isPending && <LoadingState />}
      {mine.isError && <ErrorState message={translateProblem(i18n, mine.error)} onRetry={() => void mine.refetch()} />}
      {mine.isSuccess && items.length === 0 && <EmptyState title={t('mine.empty')} message={t('mine.emptyHint')} />}
      {items.length > 0 && (
        <ul className="meetup-list">
          {items.map((meetup) => (
            <MeetupCard key={meetup.id} meetup={meetup} />
          ))}
        </ul>
      )}
      {mine.hasNextPage && (
        <Button variant="ghost" onClick={() => void mine.fetchNextPage()}>
          {t('list.more')}
        </Button>
      )}
      <FeedCard />
    </div>
  );
}
