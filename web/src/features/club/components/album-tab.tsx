import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { CameraIcon } from '@/components/icons/icons';
import { uploadErrorMessage } from '@/components/media/upload-error';
import { FormAlert } from '@/components/ui/form-alert';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';
import { uploadMedia } from '@/lib/media';

import { useAddPhoto, useDeletePhoto, usePhotos } from '../api/clubs';
import type { Club } from '../api/types';

/** Every member uploads; the uploader, the owner-admin and managers delete. */
export function AlbumTab({ club }: { club: Club }) {
  const { t, i18n } = useTranslation('club');
  const inputId = useId();
  const photos = usePhotos(club.id);
  const add = useAddPhoto(club.id);
  const remove = useDeletePhoto(club.id);
  const upload = useMutation({
    mutationFn: (file: File) => uploadMedia(file, 'club_photo'),
    onSuccess: (media) => add.mutate(media.id),
  });
  const items = photos.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="club-album">
      <label htmlFor={inputId} className="button button--secondary button--block">
        <CameraIcon size={18} />
        <span>{t('album.upload')}</span>
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept="image/*"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file !== undefined) upload.mutate(file);
          event.target.value = '';
        }}
      />
      {upload.isError && <FormAlert message={uploadErrorMessage(i18n, upload.error)} />}
      {(add.isError || remove.isError) && <FormAlert message={translateProblem(i18n, add.error ?? remove.error)} />}
      {photos.isPending && <LoadingState />}
      {photos.isError && <ErrorState message={t('loadError')} onRetry={() => void photos.refetch()} />}
      {photos.isSuccess && items.length === 0 && <EmptyState title={t('album.empty')} />}
      <ul className="club-album__grid">
        {items.map((photo) => (
          <li key={photo.id} className="club-album__item">
            <img src={photo.thumbnail_url} alt={t('album.photoBy', { name: photo.uploader_nickname })} loading="lazy" />
            {photo.can_delete && (
              <button type="button" className="club-album__delete" onClick={() => remove.mutate(photo.id)} aria-label={t('album.delete')}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
