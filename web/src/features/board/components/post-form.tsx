import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { MediaAttachments } from '@/components/media/media-attachments';
import type { MediaItem } from '@/components/media/media-preview';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { SelectField } from '@/components/ui/select-field';
import { translateProblem } from '@/lib/i18n';

import { useCreatePost, useUpdatePost } from '../api/posts';
import { CATEGORIES, type Category, type Post } from '../api/types';

import './board.css';

interface PostFormProps {
  /** Editing this post; a new post when absent. */
  post?: Post;
  initialCategory?: Category;
}

function mediaItems(post: Post | undefined): MediaItem[] {
  return (post?.media ?? []).map((item) => ({
    id: item.id,
    kind: item.kind,
    url: item.url,
    previewUrl: item.kind === 'video' ? (item.poster_url ?? item.thumbnail_url) : item.thumbnail_url,
    durationSeconds: item.duration_ms === null || item.duration_ms === undefined ? null : item.duration_ms / 1000,
  }));
}

/** Writing or editing a post: category, title, Markdown content, photos and videos. */
export function PostForm({ post, initialCategory = 'topic' }: PostFormProps) {
  const { t, i18n } = useTranslation('board');
  const navigate = useNavigate();
  const contentId = useId();
  const [category, setCategory] = useState<Category>(post?.category ?? initialCategory);
  const [title, setTitle] = useState(post?.title ?? '');
  const [content, setContent] = useState(post?.content ?? '');
  const [media, setMedia] = useState<readonly MediaItem[]>(mediaItems(post));
  const [uploading, setUploading] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const create = useCreatePost();
  const update = useUpdatePost(post?.id ?? '');
  const saving = post === undefined ? create : update;

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (title.trim() === '' || content.trim() === '') {
      setMissing(t('write.required'));
      return;
    }
    if (uploading) {
      setMissing(t('write.uploading'));
      return;
    }
    setMissing(null);
    const media_ids = media.map((item) => item.id);
    const done = (saved: Post) => void navigate(`/boards/posts/${saved.id}`, { replace: post !== undefined });
    if (post === undefined) {
      create.mutate({ category, title: title.trim(), content, media_ids }, { onSuccess: done });
    } else {
      update.mutate({ title: title.trim(), content, media_ids }, { onSuccess: done });
    }
  }

  return (
    <form className="post-form" onSubmit={submit} noValidate>
      {post === undefined && (
        <SelectField
          label={t('write.category')}
          value={category}
          onChange={(event) => setCategory(event.target.value as Category)}
          options={CATEGORIES.map((value) => ({ value, label: t(`tabs.${value}`) }))}
        />
      )}
      <FormField
        label={t('write.postTitle')}
        value={title}
        maxLength={100}
        onChange={(event) => setTitle(event.target.value)}
        required
      />
      <div className="field">
        <label className="field__label" htmlFor={contentId}>
          {t('write.content')}
        </label>
        <textarea
          id={contentId}
          className="field__input post-form__content"
          value={content}
          maxLength={20000}
          rows={8}
          aria-describedby={`${contentId}-hint`}
          onChange={(event) => setContent(event.target.value)}
          required
        />
        <p id={`${contentId}-hint`} className="field__hint">
          {t('write.contentHint')}
        </p>
      </div>
      <MediaAttachments
        label={t('write.attachments')}
        hint={t('write.attachmentsHint')}
        purpose="post_attachment"
        value={media}
        onChange={setMedia}
        onBusyChange={setUploading}
      />
      <FormAlert message={missing ?? (saving.isError ? translateProblem(i18n, saving.error) : null)} />
      <Button type="submit" block isLoading={saving.isPending}>
        {post === undefined ? t('write.submit') : t('write.save')}
      </Button>
    </form>
  );
}
