import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useCommentLike, useComments, useDeleteComment, useHide, useWriteComment } from '../api/posts';
import type { Comment } from '../api/types';
import { timeAgo } from '../utils/dates';
import { reportLink } from '../utils/report-link';

import { AuthorChip } from './author-chip';
import { HideForm } from './hide-form';

interface CommentsProps {
  postId: string;
  count: number;
  isAdmin: boolean;
}

function CommentForm({ postId, parentId, onDone }: { postId: string; parentId?: string; onDone?: () => void }) {
  const { t, i18n } = useTranslation('board');
  const [content, setContent] = useState('');
  const write = useWriteComment(postId);
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (content.trim() === '') return;
    write.mutate(
      { content: content.trim(), ...(parentId === undefined ? {} : { parent_id: parentId }) },
      {
        onSuccess: () => {
          setContent('');
          onDone?.();
        },
      },
    );
  }
  const label = parentId === undefined ? t('comments.placeholder') : t('comments.replyPlaceholder');
  return (
    <form className="comment-form" onSubmit={submit}>
      <textarea
        aria-label={label}
        placeholder={label}
        value={content}
        maxLength={2000}
        rows={2}
        onChange={(event) => setContent(event.target.value)}
      />
      <Button type="submit" isLoading={write.isPending} disabled={content.trim() === ''}>
        {t('comments.submit')}
      </Button>
      {write.isError && <FormAlert message={translateProblem(i18n, write.error)} />}
    </form>
  );
}

function CommentItem({ comment, postId, isAdmin }: { comment: Comment; postId: string; isAdmin: boolean }) {
  const { t, i18n } = useTranslation('board');
  const [replying, setReplying] = useState(false);
  const like = useCommentLike(postId);
  const remove = useDeleteComment(postId);
  const hide = useHide(postId);
  const isReply = comment.parent_id !== null;
  if (comment.state !== 'visible' || comment.author === null) {
    return (
      <li className={isReply ? 'comment comment--reply comment--gone' : 'comment comment--gone'}>
        {comment.state === 'hidden' ? t('comments.hidden') : t('comments.deleted')}
      </li>
    );
  }
  const author = comment.author;
  const url = `${window.location.origin}/boards/posts/${postId}#comment-${comment.id}`;
  const about = t('report.comment', { content: comment.content.slice(0, 200), url });
  return (
    <li id={`comment-${comment.id}`} className={isReply ? 'comment comment--reply' : 'comment'}>
      <AuthorChip
        author={author}
        meta={`${timeAgo(comment.created_at, i18n.language)}${comment.edited_at ? ` · ${t('post.edited')}` : ''}`}
      />
      <p className="comment__content">{comment.content}</p>
      <div className="comment__actions">
        <button
          type="button"
          className="comment__action"
          aria-pressed={comment.liked_by_me}
          onClick={() => like.mutate({ commentId: comment.id, like: !comment.liked_by_me })}
        >
          {comment.liked_by_me ? '♥' : '♡'} {comment.like_count}
        </button>
        {!isReply && (
          <button type="button" className="comment__action" onClick={() => setReplying((open) => !open)}>
            {replying ? t('comments.cancel') : t('comments.reply')}
          </button>
        )}
        {comment.is_mine ? (
          <button type="button" className="comment__action" onClick={() => remove.mutate(comment.id)}>
            {t('comments.delete')}
          </button>
        ) : (
          <Link className="comment__action" to={reportLink(author.deleted ? null : (author.nickname ?? null), about)}>
            {t('post.report')}
          </Link>
        )}
        {isAdmin && (
          <HideForm
            isPending={hide.isPending}
            onHide={(reason) => hide.mutate({ kind: 'comments', id: comment.id, reason })}
          />
        )}
      </div>
      {replying && <CommentForm postId={postId} parentId={comment.id} onDone={() => setReplying(false)} />}
    </li>
  );
}

/** The post's comments, each thread followed by its replies, and the form to add one. */
export function Comments({ postId, count, isAdmin }: CommentsProps) {
  const { t } = useTranslation('board');
  const comments = useComments(postId);
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" className="comments__title">
        {t('comments.title', { count })}
      </h2>
      {comments.isPending && <LoadingState />}
      {comments.isError && <ErrorState message={t('list.error')} onRetry={() => void comments.refetch()} />}
      {comments.isSuccess && items.length === 0 && <p className="comments__empty">{t('comments.empty')}</p>}
      <ul className="comments__list" aria-live="polite">
        {items.map((comment) => (
          <CommentItem key={comment.id} comment={comment} postId={postId} isAdmin={isAdmin} />
        ))}
      </ul>
      {comments.hasNextPage && (
        <Button variant="secondary" block onClick={() => void comments.fetchNextPage()}>
          {t('list.more')}
        </Button>
      )}
      <CommentForm postId={postId} />
    </section>
  );
}
