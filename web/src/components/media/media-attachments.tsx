import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { uploadMedia, toMediaItem, type MediaPurpose } from '@/lib/media';

import { CameraIcon } from '../icons/icons';
import { Spinner } from '../ui/spinner';

import { formatDuration } from './format-duration';
import { MediaPreview, type MediaItem } from './media-preview';
import { numberByKind } from './number-by-kind';
import { uploadErrorMessage } from './upload-error';
import './media-attachments.css';

/** What the picker offers; the server still checks each file by its content. */
export const PHOTO_AND_VIDEO_TYPES = 'image/*,video/mp4,video/quicktime,video/webm';

interface Pending {
  key: number;
  fileName: string;
}

interface Failure {
  key: number;
  fileName: string;
  message: string;
}

interface MediaAttachmentsProps {
  label: string;
  purpose: MediaPurpose;
  value: readonly MediaItem[];
  onChange: (items: readonly MediaItem[]) => void;
  /** Help under the picker, e.g. which formats and sizes are accepted. */
  hint: string;
  maxItems?: number;
  accept?: string;
  /** Reports pending uploads, so a form can wait for them before it is sent. */
  onBusyChange?: (busy: boolean) => void;
}

/**
 * Several photos and videos, each uploaded as soon as it is chosen. Photos show their
 * thumbnail, videos their poster with a player; each can be taken out again.
 */
export function MediaAttachments({
  label,
  purpose,
  value,
  onChange,
  hint,
  maxItems = 10,
  accept = PHOTO_AND_VIDEO_TYPES,
  onBusyChange,
}: MediaAttachmentsProps) {
  const { t, i18n } = useTranslation('common');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [failures, setFailures] = useState<Failure[]>([]);
  const nextKey = useRef(0);
  // Uploads finish one by one, maybe before a re-render: each adds to the latest list.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const busy = pending.length > 0;
  useEffect(() => {
    onBusyChange?.(busy);
  }, [busy, onBusyChange]);

  const room = maxItems - value.length - pending.length;

  async function uploadOne(file: File) {
    nextKey.current += 1;
    const key = nextKey.current;
    setPending((current) => [...current, { key, fileName: file.name }]);
    try {
      const item = toMediaItem(await uploadMedia(file, purpose));
      latest.current = [...latest.current, item];
      onChange(latest.current);
    } catch (error) {
      nextKey.current += 1;
      const failure = { key: nextKey.current, fileName: file.name, message: uploadErrorMessage(i18n, error) };
      setFailures((current) => [...current, failure]);
    } finally {
      setPending((current) => current.filter((entry) => entry.key !== key));
    }
  }

  function choose(files: File[]) {
    setFailures([]);
    const accepted = files.slice(0, Math.max(0, room));
    if (accepted.length < files.length) {
      nextKey.current += 1;
      setFailures([{ key: nextKey.current, fileName: '', message: t('attachments.tooMany', { max: maxItems }) }]);
    }
    for (const file of accepted) void uploadOne(file);
  }

  return (
    <div className="media-attachments" role="group" aria-labelledby={`${inputId}-label`}>
      <span className="media-attachments__label" id={`${inputId}-label`}>
        {label}
      </span>
      {(value.length > 0 || pending.length > 0) && (
        <ul className="media-attachments__items" aria-label={t('attachments.listLabel')}>
          {numberByKind(value).map(({ item, n }) => {
            const name = t(item.kind === 'video' ? 'attachments.video' : 'attachments.photo', { n });
            return (
              <li key={item.id} className="media-attachments__item">
                <MediaPreview item={item} label={name} />
                <span className="media-attachments__caption">
                  {name}
                  {item.durationSeconds !== null && ` · ${formatDuration(item.durationSeconds)}`}
                </span>
                <button
                  type="button"
                  className="button button--ghost media-attachments__remove"
                  aria-label={t('attachments.removeNamed', { name })}
                  onClick={() => {
                    onChange(value.filter((other) => other.id !== item.id));
                    input.current?.focus();
                  }}
                >
                  {t('attachments.remove')}
                </button>
              </li>
            );
          })}
          {pending.map((entry) => (
            <li key={`pending-${entry.key}`} className="media-attachments__item media-attachments__item--pending">
              <span className="media-attachments__busy">
                <Spinner size="sm" />
              </span>
              <span className="media-attachments__caption">{entry.fileName}</span>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        id={inputId}
        className="visually-hidden media-attachments__input"
        type="file"
        accept={accept}
        multiple
        aria-labelledby={`${inputId}-label ${inputId}-choose`}
        aria-describedby={`${inputId}-hint`}
        disabled={room <= 0}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Let the same file be chosen again after an error.
          event.target.value = '';
          choose(files);
        }}
      />
      <label htmlFor={inputId} id={`${inputId}-choose`} className="button button--secondary media-attachments__choose">
        <CameraIcon size={18} />
        <span>{t('attachments.choose')}</span>
      </label>
      {failures.map((failure) => (
        <p key={failure.key} className="media-attachments__error" role="alert">
          {failure.fileName === '' ? failure.message : t('attachments.failed', { name: failure.fileName, message: failure.message })}
        </p>
      ))}
      <p id={`${inputId}-hint`} className="media-attachments__hint" aria-live="polite">
        {pending.length > 0 ? t('attachments.uploading', { n: pending.length }) : hint}
      </p>
    </div>
  );
}
