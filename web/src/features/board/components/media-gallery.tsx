import { useTranslation } from 'react-i18next';

import type { PostMedia } from '../api/types';

/** A post's photos and videos, in order; videos play inline with their poster frame. */
export function MediaGallery({ media }: { media: readonly PostMedia[] }) {
  const { t } = useTranslation('board');
  if (media.length === 0) return null;
  // "사진 2", "동영상 1": each file is numbered among those of its kind.
  const numbers = media.map((item, index) => media.slice(0, index + 1).filter((m) => m.kind === item.kind).length);
  return (
    <ul className="board-gallery">
      {media.map((item, index) => {
        if (item.kind === 'video') {
          return (
            <li key={item.id}>
              <video
                className="board-gallery__video"
                src={item.url}
                poster={item.poster_url ?? undefined}
                controls
                playsInline
                preload="metadata"
                aria-label={t('post.video', { n: numbers[index] })}
              />
            </li>
          );
        }
        return (
          <li key={item.id}>
            <a href={item.url} target="_blank" rel="noreferrer">
              <img className="board-gallery__photo" src={item.url} alt={t('post.photo', { n: numbers[index] })} decoding="async" />
            </a>
          </li>
        );
      })}
    </ul>
  );
}
