import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';

import { usePosts } from '../api/posts';
import type { BoardTab, Scope } from '../api/types';

import { PostCard } from './post-card';

interface PostListProps {
  tab: BoardTab;
  scope: Scope;
  query: string;
}

/** The tab's posts (or search results), a page at a time. */
export function PostList({ tab, scope, query }: PostListProps) {
  const { t } = useTranslation('board');
  const posts = usePosts({ tab, scope, query });
  if (posts.isPending) return <LoadingState />;
  if (posts.isError) {
    return <ErrorState message={t('list.error')} onRetry={() => void posts.refetch()} isRetrying={posts.isRefetching} />;
  }
  const items = posts.data.pages.flatMap((page) => page.items);
  const first = posts.data.pages[0];
  const terms = first !== undefined && 'terms' in first ? first.terms : [];
  const searching = query.trim() !== '';
  return (
    <section aria-live="polite" aria-label={searching ? t('search.results', { query }) : t(`tabs.${tab}`)}>
      {searching && <p className="board-results">{t('search.results', { query })}</p>}
      {items.length === 0 ? (
        <EmptyState
          title={searching ? t('search.empty', { query }) : tab === 'popular' ? t('list.emptyPopular') : t('list.empty')}
        />
      ) : (
        <ul className="post-list">
          {items.map((post) => (
            <li key={post.id}>
              <PostCard post={post} terms={terms} />
            </li>
          ))}
        </ul>
      )}
      {posts.hasNextPage && (
        <Button variant="secondary" block onClick={() => void posts.fetchNextPage()} isLoading={posts.isFetchingNextPage}>
          {t('list.more')}
        </Button>
      )}
    </section>
  );
}
