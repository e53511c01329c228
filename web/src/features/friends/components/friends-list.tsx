import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PawIcon } from '@/components/icons/icons';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useFriends, useRemoveFriend } from '../api/friends';
import type { FriendRead } from '../api/types';

import { LoadMore } from './load-more';

import './people-list.css';

/** The member's friends, newest first, a page at a time: photo, nickname and 발도장;
 * a tap opens the member card. */
export function FriendsList() {
  const { t, i18n } = useTranslation('friends');
  const friends = useFriends();
  const [removing, setRemoving] = useState<FriendRead | null>(null);
  const remove = useRemoveFriend();

  if (friends.isPending) return <LoadingState message={t('friends.loading')} />;

  if (friends.isError && !friends.isFetchNextPageError) {
    return (
      <ErrorState
        title={t('friends.loadError')}
        message={translateProblem(i18n, friends.error)}
        onRetry={() => void friends.refetch()}
        isRetrying={friends.isFetching}
      />
    );
  }

  const shown = friends.data.pages.flatMap((page) => page.items);
  if (shown.length === 0) {
    return <EmptyState title={t('friends.emptyTitle')} message={t('friends.emptyBody')} />;
  }

  return (
    <>
      <p className="people-count">
        {t(friends.hasNextPage ? 'friends.countAtLeast' : 'friends.count', { n: shown.length })}
      </p>
      <ul className="people-list" aria-label={t('friends.listLabel')}>
        {shown.map((friend) => (
          <li key={friend.member_id} className="person">
            <Link to={`/members/${friend.member_id}`} className="person__link">
              <Avatar src={friend.photo_thumbnail_url} name={friend.nickname} size="sm" />
              <span className="person__text">
                <span className="person__name">{friend.nickname}</span>
                <span className="person__meta">
                  <PawIcon size={14} />
                  {t('friends.trustScore', { score: friend.trust_score })}
                </span>
              </span>
            </Link>
            <Button
              variant="ghost"
              className="person__action"
              aria-label={t('friends.removeNamed', { nickname: friend.nickname })}
              onClick={() => {
                remove.reset();
                setRemoving(friend);
              }}
            >
              {t('friends.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <LoadMore list={friends} />
      <ConfirmDialog
        open={removing !== null}
        title={t('friends.removeTitle')}
        message={t('friends.removeBody', { nickname: removing?.nickname ?? '' })}
        confirmLabel={t('friends.remove')}
        tone="danger"
        isPending={remove.isPending}
        error={remove.isError ? translateProblem(i18n, remove.error) : null}
        onCancel={() => {
          setRemoving(null);
        }}
        onConfirm={() => {
          if (removing === null) return;
          remove.mutate(removing.member_id, {
            onSuccess: () => {
              setRemoving(null);
            },
          });
        }}
      />
    </>
  );
}
