import { useMutation } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { uploadMedia, type MediaPurpose, type UploadedMedia } from '@/lib/media';

import { CameraIcon } from '../icons/icons';
import { Avatar } from '../ui/avatar';
import { Spinner } from '../ui/spinner';

import { uploadErrorMessage } from './upload-error';
import './photo-upload.css';

export interface PhotoValue {
  id: string;
  thumbnailUrl: string | null;
}

interface PhotoUploadProps {
  label: string;
  purpose: MediaPurpose;
  value: PhotoValue | null;
  onChange: (value: PhotoValue | null) => void;
  /** Name used for the placeholder initial. */
  name: string;
  fallback?: 'initial' | 'paw';
}

/** Picks an image, uploads it right away and previews the server's thumbnail. */
export function PhotoUpload({ label, purpose, value, onChange, name, fallback = 'initial' }: PhotoUploadProps) {
  const { t, i18n } = useTranslation('common');
  const inputId = useId();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadMedia(file, purpose),
    onSuccess: (media: UploadedMedia) => {
      onChange({ id: media.id, thumbnailUrl: media.thumbnail_url });
    },
  });

  const error = upload.isError ? uploadErrorMessage(i18n, upload.error) : null;

  return (
    <div className="photo-upload">
      <span className="photo-upload__label" id={`${inputId}-label`}>
        {label}
      </span>
      <div className="photo-upload__row">
        <span className="photo-upload__preview">
          <Avatar src={value?.thumbnailUrl} name={name} size="lg" shape="rounded" fallback={fallback} />
          {upload.isPending && (
            <span className="photo-upload__busy">
              <Spinner size="sm" />
            </span>
          )}
        </span>
        <div className="photo-upload__actions">
          <input
            ref={input}
            id={inputId}
            className="photo-upload__input visually-hidden"
            type="file"
            accept="image/*"
            aria-labelledby={`${inputId}-label`}
            aria-describedby={error === null ? statusId : `${statusId} ${statusId}-error`}
            disabled={upload.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Let the same file be chosen again after an error.
              event.target.value = '';
              if (file !== undefined) upload.mutate(file);
            }}
          />
          <label htmlFor={inputId} className="button button--secondary photo-upload__choose">
            <CameraIcon size={18} />
            <span>{value === null ? t('photo.choose') : t('photo.change')}</span>
          </label>
          {value !== null && !upload.isPending && (
            <button
              type="button"
              className="button button--ghost photo-upload__remove"
              onClick={() => {
                upload.reset();
                onChange(null);
                input.current?.focus();
              }}
            >
              {t('photo.remove')}
            </button>
          )}
        </div>
      </div>
      {error !== null && (
        <p id={`${statusId}-error`} className="photo-upload__error" role="alert">
          {error}
        </p>
      )}
      <p id={statusId} className="photo-upload__hint" aria-live="polite">
        {upload.isPending ? t('photo.uploading') : t('photo.hint')}
      </p>
    </div>
  );
}
