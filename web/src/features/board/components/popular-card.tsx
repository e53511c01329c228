import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { usePosts } from '../api/posts';

import './board.css';

const PEEK = 3;

/** Home card: the top 인기글 nearby (everywhere when my 동 has none yet). */
export function PopularCard() {
  const { t } = useTranslation('board');
  const popular = usePosts({ tab: 'popular', scope: 'all', query: '', limit: PEEK });
  const items = popular.data?.pages[0]?.items ?? [];
  return (
    <section className="popular-card" aria-labelledby="popular-card-title">
      <h2 id="popular-card-title" className="popular-card__title">
        {t('home.title')}
      </h2>
      {popular.isError && <p role="status">{t('home.error')}</p>}
      {popular.isSuccess && items.length === 0 && <p role="status">{t('home.empty')}</p>}
      {items.length > 0 && (
        <ol className="popular-card__list">
          {items.map((post) => (
            <li key={post.id}>
              <Link to={`/boards/posts/${post.id}`}>{post.title}</Link>
              <span className="popular-card__stats">
                ♥ {post.like_count} · {t('list.comments', { count: post.comment_count })}
              </span>
            </li>
          ))}
        </ol>
      )}
      <Link to="/boards?tab=popular" className="popular-card__link">
        {t('home.see')}
      </Link>
    </section>
  );
}
