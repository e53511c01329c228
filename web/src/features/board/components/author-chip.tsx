import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Avatar } from '@/components/ui/avatar';

import type { Author } from '../api/types';

interface AuthorChipProps {
  author: Author;
  /** Shown after the name, e.g. when the post was written. */
  meta?: string;
  size?: 'sm' | 'md';
}

/** The author's photo and name; the photo opens their member card (not for a former member). */
export function AuthorChip({ author, meta, size = 'sm' }: AuthorChipProps) {
  const { t } = useTranslation('board');
  const name = author.deleted ? t('author.former') : (author.nickname ?? t('author.unknown'));
  const picture = <Avatar src={author.photo_url} name={name} size={size} />;
  return (
    <span className="board-author">
      {author.deleted ? (
        picture
      ) : (
        <Link to={`/members/${author.id}`} className="board-author__photo" aria-label={t('post.authorCard', { name })}>
          {picture}
        </Link>
      )}
      <span className="board-author__text">
        <span className={author.deleted ? 'board-author__name board-author__name--former' : 'board-author__name'}>
          {name}
        </span>
        {meta !== undefined && <span className="board-author__meta">{meta}</span>}
      </span>
    </span>
  );
}
