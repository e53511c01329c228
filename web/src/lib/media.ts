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
