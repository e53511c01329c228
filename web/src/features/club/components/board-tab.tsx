import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useCreatePost, useDeletePost, usePinPost, usePosts } from '../api/clubs';
import type { Board, Club } from '../api/types';

import { formatWhen } from './format';

/** 공지 (owner-admin and managers write, pinned first) or 자유 (every member writes). */
export function BoardTab({ club, board, canModerate }: { club: Club; board: Board; canModerate: boolean }) {
  const { t, i18n } = useTranslation('club');
  const posts = usePosts(club.id, board);
  const create = useCreatePost(club.id);
  const remove = useDeletePost(club.id);
  const pin = usePinPost(club.id);
  const [writing, setWriting] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const canWrite = board === 'free' || canModerate;
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { board, title: title.trim(), body: body.trim() },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
          setWriting(false);
        },
      },
    );
  }

  return (
    <div className="club-board">
      {canWrite && !writing && (
        <Button variant="secondary" block onClick={() => setWriting(true)}>
          {t('board.write')}
        </Button>
      )}
      {!canWrite && <p className="clubs__muted">{t('board.noticeOnly')}</p>}
      {writing && (
        <form className="club-form card" onSubmit={submit} noValidate>
          <FormField label={t('board.titleField')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} />
          <label className="field">
            <span className="field__label">{t('board.bodyField')}</span>
            <textarea className="field__input club-form__text" rows={4} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
          </label>
          {create.isError && <FormAlert message={translateProblem(i18n, create.error)} />}
          <Button type="submit" block isLoading={create.isPending} disabled={title.trim() === '' || body.trim() === ''}>
            {t('board.post')}
          </Button>
        </form>
      )}
      {(remove.isError || pin.isError) && <FormAlert message={translateProblem(i18n, remove.error ?? pin.error)} />}
      {posts.isPending && <LoadingState />}
      {posts.isError && <ErrorState message={t('loadError')} onRetry={() => void posts.refetch()} />}
      {posts.isSuccess && items.length === 0 && <EmptyState title={t('board.empty')} />}
      <ul className="club-board__list">
        {items.map((post) => (
          <li key={post.id} className="club-post card" aria-label={post.title}>
            <div className="club-post__head">
              <h4>
                {post.pinned && <Badge tone="warning">{t('board.pinned')}</Badge>} {post.title}
              </h4>
              <span className="clubs__muted">
                {post.author_nickname} · {formatWhen(post.created_at, i18n.language)}
              </span>
            </div>
            <p className="club-post__body">{post.body}</p>
            <div className="club-post__actions">
              {board === 'notice' && canModerate && (
                <Button variant="ghost" onClick={() => pin.mutate({ postId: post.id, pinned: !post.pinned })}>
                  {post.pinned ? t('board.unpin') : t('board.pin')}
                </Button>
              )}
              {post.can_delete && (
                <Button variant="ghost" onClick={() => remove.mutate(post.id)} aria-label={`${t('board.delete')}: ${post.title}`}>
                  {t('board.delete')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
