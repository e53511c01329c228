import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';
import { useRealtime, type RealtimeEvent } from '@/lib/realtime';

import { boardKeys, useDeletePost, useHide, usePost, usePostLike } from '../api/posts';
import { timeAgo } from '../utils/dates';
import { reportLink } from '../utils/report-link';

import { AuthorChip } from './author-chip';
import { Comments } from './comments';
import { HideForm } from './hide-form';
import { MediaGallery } from './media-gallery';
import './board.css';

interface PostViewProps {
  postId: string;
  isAdmin: boolean;
}

/** One post: content, photos and videos, likes, 신고, and comments that arrive live. */
export function PostView({ postId, isAdmin }: PostViewProps) {
  const { t, i18n } = useTranslation('board');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const post = usePost(postId);
  const like = usePostLike(postId);
  const remove = useDeletePost(postId);
  const hide = useHide(postId);
  const [confirming, setConfirming] = useState(false);
  const [liveNotice, setLiveNotice] = useState(false);

  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: boardKeys.comments(postId) });
    void queryClient.invalidateQueries({ queryKey: boardKeys.post(postId) });
  }, [queryClient, postId]);
  const onEvent = useCallback(
    (event: RealtimeEvent) => {
      if (event.event === 'comment_written' || event.event === 'reload') {
        setLiveNotice(event.event === 'comment_written');
        reload();
      }
    },
    [reload],
  );
  useRealtime(post.isSuccess ? [`board.post.${postId}`] : [], onEvent, {
    onConnected: reload,
    refresh: () => post.refetch(),
  });

  if (post.isPending) return <LoadingState />;
  if (post.isError) {
    const missing = isApiProblem(post.error) && post.error.status === 404;
    return (
      <ErrorState
        message={missing ? t('post.notFound') : translateProblem(i18n, post.error)}
        {...(missing ? {} : { onRetry: () => void post.refetch() })}
      />
    );
  }
  const data = post.data;
  const url = `${window.location.origin}/boards/posts/${data.id}`;
  const author = data.author;
  const meta = [
    data.region_name.split(' ').at(-1) ?? '',
    timeAgo(data.created_at, i18n.language),
    data.edited_at ? t('post.edited') : '',
    t('list.views', { count: data.view_count }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <article className="post-view">
      <p className="post-view__category">
        <Link to={`/boards?tab=${data.category}`}>{t(`tabs.${data.category}`)}</Link>
      </p>
      <h1 className="post-view__title">{data.title}</h1>
      <AuthorChip author={author} meta={meta} size="md" />
      {data.hidden && <p className="post-view__hidden">{t('post.hidden', { reason: data.hidden_reason ?? '' })}</p>}
      {/* Sanitised on the server by nh3 from the author's Markdown. */}
      <div className="post-view__content" dangerouslySetInnerHTML={{ __html: data.content_html }} />
      <MediaGallery media={data.media} />
      <div className="post-view__actions">
        <button
          type="button"
          className="post-like"
          aria-pressed={data.liked_by_me}
          aria-label={data.liked_by_me ? t('post.liked') : t('post.like')}
          onClick={() => like.mutate(!data.liked_by_me)}
          disabled={like.isPending}
        >
          <span aria-hidden="true">{data.liked_by_me ? '♥' : '♡'}</span> {t('post.like')} {data.like_count}
        </button>
        {data.is_mine ? (
          <>
            <Link className="comment__action" to={`/boards/posts/${data.id}/edit`}>
              {t('post.edit')}
            </Link>
            <button type="button" className="comment__action" onClick={() => setConfirming(true)}>
              {t('post.delete')}
            </button>
          </>
        ) : (
          <Link
            className="comment__action"
            to={reportLink(author.deleted ? null : (author.nickname ?? null), t('report.post', { title: data.title, url }))}
          >
            {t('post.report')}
          </Link>
        )}
        {isAdmin && !data.hidden && (
          <HideForm isPending={hide.isPending} onHide={(reason) => hide.mutate({ kind: 'posts', id: data.id, reason })} />
        )}
      </div>
      <p className="visually-hidden" role="status">
        {liveNotice ? t('comments.live') : ''}
      </p>
      <Comments postId={data.id} count={data.comment_count} isAdmin={isAdmin} />
      <ConfirmDialog
        open={confirming}
        title={t('post.delete')}
        message={t('post.deleteConfirm')}
        confirmLabel={t('post.delete')}
        tone="danger"
        isPending={remove.isPending}
        error={remove.isError ? translateProblem(i18n, remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/boards', { replace: true }) })}
      />
    </article>
  );
}
