import { api, type Schemas } from './api-client';

/** What the photo is for; the back end keeps it with the upload. */
export type MediaPurpose = Schemas['MediaPurpose'];
export type UploadedMedia = Schemas['MediaRead'];

/** POST /api/v1/media (multipart: `file`, `purpose`). */
export function uploadMedia(file: File, purpose: MediaPurpose): Promise<UploadedMedia> {
  const form = new FormData();
  form.append('file', file);
  form.append('purpose', purpose);
  return api.post<UploadedMedia>('/api/v1/media', form);
}

/** The shape the previews draw (a photo's thumbnail, or a video's poster and length). */
export interface MediaPreviewData {
  id: string;
  kind: 'image' | 'video';
  url: string;
  previewUrl: string | null;
  durationSeconds: number | null;
}

export function toMediaItem(media: UploadedMedia): MediaPreviewData {
  return {
    id: media.id,
    kind: media.kind,
    url: media.url,
    previewUrl: media.kind === 'video' ? (media.poster_url ?? media.thumbnail_url) : media.thumbnail_url,
    durationSeconds: media.duration_ms === null ? null : media.duration_ms / 1000,
  };
}
