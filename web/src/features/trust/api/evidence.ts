import type { MediaPreviewData } from '@/lib/media';

import type { Evidence } from './types';

/** A report's evidence as the shared previews draw it. */
export function toEvidenceItem(evidence: Evidence): MediaPreviewData {
  return {
    id: evidence.media_id,
    kind: evidence.kind,
    url: evidence.url,
    previewUrl: evidence.kind === 'video' ? evidence.poster_url : evidence.thumbnail_url,
    durationSeconds: evidence.duration_ms === null ? null : evidence.duration_ms / 1000,
  };
}
