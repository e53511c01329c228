import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { PostSummary } from '../api/types';
import { timeAgo } from '../utils/dates';

import { AuthorChip } from './author-chip';
import { Highlight } from './highlight';

interface PostCardProps {
  post: PostSummary;
  /** Search words to mark in the title and excerpt. */
  terms?: readonly string[];
}

/** One post in a list: category, title, a line of text, author, counts, a thumbnail. */
export function PostCard({ post, terms = [] }: PostCardProps) {
  const { t, i18n } = useTranslation('board');
  const meta = [post.region_name.split(' ').at(-1) ?? '', timeAgo(post.created_at, i18n.language)]
    .filter(Boolean)
    .join(' · ');
  return (
    <article className="post-card">
      <Link to={`/boards/posts/${post.id}`} className="post-card__link">
        <span className="post-card__category">{t(`tabs.${post.category}`)}</span>
        <h3 className="post-card__title">
          <Highlight text={post.title} terms={terms} />
        </h3>
        {post.excerpt !== '' && (
          <p className="post-card__excerpt">
            <Highlight text={post.excerpt} terms={terms} />
          </p>
        )}
      </Link>
      {post.thumbnail_url !== null && post.thumbnail_url !== undefined && (
        <Link to={`/boards/posts/${post.id}`} className="post-card__thumb" tabIndex={-1} aria-hidden="true">
          <img src={post.thumbnail_url} alt="" loading="lazy" decoding="async" />
          {post.media_count > 1 && <span className="post-card__count">{post.media_count}</span>}
        </Link>
      )}
      <footer className="post-card__footer">
        <AuthorChip author={post.author} meta={meta} />
        <span className="post-card__stats">
          <span>{t('list.likes', { count: post.like_count })}</span>
          <span>{t('list.comments', { count: post.comment_count })}</span>
          <span>{t('list.views', { count: post.view_count })}</span>
        </span>
      </footer>
    </article>
  );
}
