import { useTranslation } from 'react-i18next';

import type { MediaPreviewData } from '@/lib/media';
import { usePrivateMediaUrl } from '@/lib/use-private-media-url';

import { Spinner } from '../ui/spinner';

import './media-attachments.css';

/** A photo or a video: `url` is the file, `previewUrl` its thumbnail or poster frame. */
export type MediaItem = MediaPreviewData;

interface MediaPreviewProps {
  item: MediaItem;
  /** Read out for the photo or the player, e.g. "증거 사진 1". */
  label: string;
  /** Large shows the photo itself at full width (to read evidence); small is a thumbnail tile. */
  size?: 'sm' | 'lg';
}

/**
 * A photo, or a video that plays inline on a phone with its poster frame. The files are
 * fetched with the access token, since evidence is private to its owner and administrators.
 */
export function MediaPreview({ item, label, size = 'sm' }: MediaPreviewProps) {
  const { t } = useTranslation('common');
  const isVideo = item.kind === 'video';
  const filePath = isVideo || size === 'lg' || item.previewUrl === null ? item.url : item.previewUrl;
  const file = usePrivateMediaUrl(filePath);
  const poster = usePrivateMediaUrl(isVideo ? item.previewUrl : null);
  const className = `media-preview media-preview--${size}`;

  if (file.isError) {
    return (
      <span className={`${className} media-preview--placeholder`} role="img" aria-label={label}>
        {t('attachments.unavailable')}
      </span>
    );
  }
  if (file.src === null) {
    return (
      <span className={`${className} media-preview--placeholder`} role="img" aria-label={label} aria-busy="true">
        <Spinner size="sm" />
      </span>
    );
  }
  if (isVideo) {
    return (
      <video
        className={className}
        src={file.src}
        poster={poster.src ?? undefined}
        controls
        playsInline
        preload="metadata"
        aria-label={label}
      />
    );
  }
  return <img className={className} src={file.src} alt={label} decoding="async" />;
}
