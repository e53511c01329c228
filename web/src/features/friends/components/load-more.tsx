import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { translateProblem } from '@/lib/i18n';

interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: Error | null;
  fetchNextPage: () => Promise<unknown>;
}

/** "더 보기" under a paged list; a failed page keeps what is shown and says why. */
export function LoadMore({ list }: { list: PagedList }) {
  const { t, i18n } = useTranslation('friends');
  if (!list.hasNextPage) return null;
  return (
    <div className="people-more">
      <FormAlert message={list.isFetchNextPageError ? translateProblem(i18n, list.error) : null} />
      <Button
        variant="secondary"
        block
        isLoading={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      >
        {t('list.loadMore')}
      </Button>
    </div>
  );
}
