import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CameraIcon } from '@/components/icons/icons';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { api } from '@/lib/api-client';
import { uploadMedia } from '@/lib/media';

import { useClubChat } from '../api/chat';
import type { Club } from '../api/types';

import { formatTime } from './format';

/** The club's live chat: history above, newest at the bottom, read as it arrives. */
export function ChatTab({ club, meId, canModerate }: { club: Club; meId: string; canModerate: boolean }) {
  const { t, i18n } = useTranslation('club');
  const chat = useClubChat(club.id);
  const [draft, setDraft] = useState('');
  const fileId = useId();
  const end = useRef<HTMLLIElement>(null);
  const { markRead, messages } = chat;
  const upload = useMutation({
    mutationFn: (file: File) => uploadMedia(file, 'club_photo'),
    onSuccess: (media) => chat.send('', media.id),
  });
  const remove = useMutation({
    mutationFn: (messageId: string) =>
      api.delete<null>(`/api/v1/clubs/${encodeURIComponent(club.id)}/chat/messages/${encodeURIComponent(messageId)}`),
  });

  useEffect(() => {
    const last = end.current;
    if (last !== null && 'scrollIntoView' in last) last.scrollIntoView({ block: 'end' });
    markRead();
  }, [messages, markRead]);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.trim() !== '' && chat.send(draft.trim())) setDraft('');
  }

  const statusText =
    chat.status === 'connecting'
      ? t('chat.connecting')
      : chat.status === 'reconnecting'
        ? t('chat.reconnecting')
        : chat.status === 'failed'
          ? t('chat.failed')
          : null;

  if (chat.status === 'removed') {
    return (
      <p className="club-chat__removed" role="alert">
        {t('chat.removed')}
      </p>
    );
  }

  return (
    <div className="club-chat">
      {statusText !== null && (
        <p className="clubs__muted" role="status">
          {statusText}
        </p>
      )}
      {chat.hasOlder && (
        <Button variant="ghost" onClick={() => void chat.loadOlder()}>
          {t('chat.older')}
        </Button>
      )}
      <ol className="club-chat__log" aria-label={t('chat.log')} aria-live="polite">
        {messages.length === 0 && <li className="clubs__muted">{t('chat.empty')}</li>}
        {messages.map((message) => {
          const mine = message.author_id === meId;
          return (
            <li key={message.seq} className={mine ? 'chat-message chat-message--mine' : 'chat-message'}>
              {!mine && <span className="chat-message__author">{message.author_nickname}</span>}
              <span className="chat-message__bubble">
                {message.deleted ? (
                  <em className="clubs__muted">{t('chat.deleted')}</em>
                ) : (
                  <>
                    {message.image_url !== null && message.thumbnail_url !== null && (
                      <img src={message.thumbnail_url} alt="" className="chat-message__image" />
                    )}
                    {message.body}
                  </>
                )}
              </span>
              <span className="chat-message__time">{formatTime(message.sent_at, i18n.language)}</span>
              {!message.deleted && (mine || canModerate) && (
                <button type="button" className="chat-message__delete" onClick={() => remove.mutate(message.id)} aria-label={t('chat.delete')}>
                  ×
                </button>
              )}
            </li>
          );
        })}
        <li ref={end} aria-hidden="true" />
      </ol>
      {chat.error !== null && (
        <FormAlert message={i18n.t(`errors.${chat.error}`, { ns: ['club', 'common'], defaultValue: t('chat.failed') })} />
      )}
      <form className="club-chat__composer" onSubmit={submit}>
        <label htmlFor={fileId} className="icon-button" aria-label={t('album.upload')}>
          <CameraIcon size={20} />
        </label>
        <input
          id={fileId}
          type="file"
          accept="image/*"
          className="visually-hidden"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) upload.mutate(file);
            event.target.value = '';
          }}
        />
        <input
          className="field__input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder={t('chat.placeholder')}
          aria-label={t('chat.placeholder')}
          maxLength={1000}
        />
        <Button type="submit" disabled={chat.status !== 'open' || draft.trim() === ''}>
          {t('chat.send')}
        </Button>
      </form>
    </div>
  );
}
