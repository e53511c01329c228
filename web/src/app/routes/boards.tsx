import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';

import { ErrorState, LoadingState } from '@/components/ui/states';
import { useSession } from '@/features/auth/api/refresh';
import { tokenHasRole } from '@/features/auth/utils/jwt';
import { usePost } from '@/features/board/api/posts';
import { CATEGORIES } from '@/features/board/api/types';
import { BoardHome } from '@/features/board/components/board-home';
import { PostForm } from '@/features/board/components/post-form';
import { PostView } from '@/features/board/components/post-view';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

/** /boards: 인기글, the categories, the area and search. */
export function BoardsPage() {
  const { t } = useTranslation('board');
  useDocumentTitle(t('title'));
  return (
    <div className="page">
      <header className="page__header">
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
      </header>
      <BoardHome />
    </div>
  );
}

/** /boards/posts/:postId */
export function BoardPostPage() {
  const { t } = useTranslation('board');
  const { postId = '' } = useParams();
  const session = useSession();
  useDocumentTitle(t('title'));
  return (
    <div className="page">
      <BackHeader title={t('title')} backTo="/boards" />
      <PostView key={postId} postId={postId} isAdmin={tokenHasRole(session.data?.access_token, 'admin')} />
    </div>
  );
}

/** /boards/write?category= */
export function BoardWritePage() {
  const { t } = useTranslation('board');
  const [params] = useSearchParams();
  const wanted = params.get('category');
  const category = CATEGORIES.find((value) => value === wanted) ?? 'topic';
  useDocumentTitle(t('write.title'));
  return (
    <div className="page">
      <BackHeader title={t('write.title')} backTo="/boards" />
      <PostForm initialCategory={category} />
    </div>
  );
}

/** /boards/posts/:postId/edit */
export function BoardEditPage() {
  const { t } = useTranslation('board');
  const { postId = '' } = useParams();
  const post = usePost(postId);
  useDocumentTitle(t('write.editTitle'));
  return (
    <div className="page">
      <BackHeader title={t('write.editTitle')} backTo={`/boards/posts/${postId}`} />
      {post.isPending && <LoadingState />}
      {post.isError && <ErrorState message={t('post.notFound')} />}
      {post.isSuccess && <PostForm post={post.data} />}
    </div>
  );
}
