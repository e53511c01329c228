import { useTranslation } from 'react-i18next';

import { BlockIcon } from '@/components/icons/icons';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useBlocks, useUnblockMember } from '../api/blocks';

import { LoadMore } from './load-more';

import './people-list.css';

/** Members this member blocked, newest first, a page at a time, each with 차단 해제. */
export function BlockedList() {
  const { t, i18n } = useTranslation('friends');
  const blocks = useBlocks();
  const unblock = useUnblockMember();

  if (blocks.isPending) return <LoadingState message={t('blocks.loading')} />;

  if (blocks.isError && !blocks.isFetchNextPageError) {
    return (
      <ErrorState
        title={t('blocks.loadError')}
        message={translateProblem(i18n, blocks.error)}
        onRetry={() => void blocks.refetch()}
        isRetrying={blocks.isFetching}
      />
    );
  }

  const shown = blocks.data.pages.flatMap((page) => page.items);
  if (shown.length === 0) {
    return <EmptyState icon={<BlockIcon size={32} />} title={t('blocks.emptyTitle')} message={t('blocks.emptyBody')} />;
  }

  return (
    <>
      <FormAlert message={unblock.isError ? translateProblem(i18n, unblock.error) : null} />
      <ul className="people-list" aria-label={t('blocks.listLabel')}>
        {shown.map((blocked) => (
          <li key={blocked.member_id} className="person">
            <span className="person__link person__link--static">
              <Avatar src={blocked.photo_thumbnail_url} name={blocked.nickname} size="sm" />
              <span className="person__text">
                <span className="person__name">{blocked.nickname}</span>
              </span>
            </span>
            <Button
              variant="secondary"
              className="person__action"
              aria-label={t('blocks.unblockNamed', { nickname: blocked.nickname })}
              isLoading={unblock.isPending && unblock.variables === blocked.member_id}
              disabled={unblock.isPending}
              onClick={() => {
                unblock.mutate(blocked.member_id);
              }}
            >
              {t('blocks.unblock')}
            </Button>
          </li>
        ))}
      </ul>
      <LoadMore list={blocks} />
    </>
  );
}
