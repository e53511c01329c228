import { useCallback, useEffect, useRef, useState } from 'react';

import { api, getAccessToken, refreshAccessToken } from '@/lib/api-client';

import type { ChatMessage, MessagePage } from './types';

export type ChatStatus = 'connecting' | 'open' | 'reconnecting' | 'removed' | 'failed';

interface ChatFrame {
  type: string;
  seq?: number;
  message_id?: string;
  code?: string;
  ref?: string;
}

function socketUrl(clubId: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/v1/clubs/${encodeURIComponent(clubId)}/chat/socket`;
}

/**
 * A club's chat: the latest history, then live messages over the socket. The socket
 * resumes after the last message it saw (no gaps, no repeats); a token that expired
 * is refreshed and the socket reopened; a removed member's socket stays closed.
 */
export function useClubChat(clubId: string) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [status, setStatus] = useState<ChatStatus>('connecting');
  const [error, setError] = useState<string | null>(null);
  const [older, setOlder] = useState<number | null>(null);
  const lastSeq = useRef<number | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const stopped = useRef(false);
  // Sends with an image wait for the club service to hear of the upload (an event).
  const pendingImages = useRef(new Map<string, { body: string; mediaId: string; tries: number }>());

  const merge = useCallback((incoming: ChatMessage[]) => {
    setMessages((current) => {
      const bySeq = new Map(current.map((m) => [m.seq, m]));
      for (const message of incoming) bySeq.set(message.seq, message);
      return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    });
    for (const message of incoming) lastSeq.current = Math.max(lastSeq.current ?? 0, message.seq);
  }, []);

  const loadLatest = useCallback(async () => {
    const page = await api.get<MessagePage>(`/api/v1/clubs/${encodeURIComponent(clubId)}/chat/messages?limit=50`);
    setMessages([]);
    lastSeq.current = null;
    merge(page.items);
    setOlder(page.next_before_seq ?? null);
  }, [clubId, merge]);

  useEffect(() => {
    stopped.current = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const isStopped = () => stopped.current;

    async function open(fresh: boolean) {
      if (isStopped()) return;
      const token = fresh ? await refreshAccessToken() : (getAccessToken() ?? (await refreshAccessToken()));
      if (token === null || isStopped()) {
        setStatus('failed');
        return;
      }
      const ws = new WebSocket(socketUrl(clubId));
      socket.current = ws;
      let renew = false;
      ws.onopen = () => {
        const first: Record<string, unknown> = { type: 'auth', token };
        if (lastSeq.current !== null) first.after_seq = lastSeq.current;
        ws.send(JSON.stringify(first));
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        const frame = JSON.parse(event.data) as ChatFrame;
        switch (frame.type) {
          case 'ready':
            attempt = 0;
            setStatus('open');
            break;
          case 'message':
            merge([frame as unknown as ChatMessage]);
            break;
          case 'deleted':
            setMessages((current) =>
              current.map((m) => (m.id === frame.message_id ? { ...m, deleted: true, body: '', image_url: null } : m)),
            );
            break;
          case 'reload':
            void loadLatest();
            break;
          case 'reauthenticate':
            renew = true;
            break;
          case 'removed':
            stopped.current = true;
            setStatus('removed');
            break;
          case 'ack':
            if (frame.ref !== undefined) pendingImages.current.delete(frame.ref);
            break;
          case 'error': {
            const retry = frame.ref === undefined ? undefined : pendingImages.current.get(frame.ref);
            if (frame.code === 'club.photo_not_found' && retry !== undefined && retry.tries < 10) {
              retry.tries += 1;
              setTimeout(() => {
                ws.send(JSON.stringify({ type: 'send', body: retry.body, media_id: retry.mediaId, ref: frame.ref }));
              }, 500);
              break;
            }
            setError(frame.code ?? 'unknown');
            break;
          }
        }
      };
      ws.onclose = (event) => {
        if (socket.current === ws) socket.current = null;
        if (event.code === 4403 || stopped.current) {
          if (event.code === 4403) setStatus('removed');
          return;
        }
        setStatus('reconnecting');
        attempt += 1;
        const wait = renew || event.code === 4401 ? 0 : Math.min(10_000, 500 * 2 ** attempt);
        timer = setTimeout(() => void open(renew || event.code === 4401), wait);
      };
    }

    async function start() {
      try {
        await loadLatest();
      } catch {
        setError('unknown');
      }
      await open(false);
    }
    void start();
    return () => {
      stopped.current = true;
      if (timer !== undefined) clearTimeout(timer);
      socket.current?.close();
    };
  }, [clubId, loadLatest, merge]);

  const send = useCallback((body: string, mediaId: string | null = null) => {
    const ws = socket.current;
    if (ws === null || ws.readyState !== WebSocket.OPEN) return false;
    setError(null);
    const ref = crypto.randomUUID();
    if (mediaId !== null) pendingImages.current.set(ref, { body, mediaId, tries: 0 });
    ws.send(JSON.stringify({ type: 'send', body, media_id: mediaId, ref }));
    return true;
  }, []);

  const markRead = useCallback(() => {
    const ws = socket.current;
    if (ws !== null && ws.readyState === WebSocket.OPEN && lastSeq.current !== null) {
      ws.send(JSON.stringify({ type: 'read', seq: lastSeq.current }));
    }
  }, []);

  const loadOlder = useCallback(async () => {
    if (older === null) return;
    const page = await api.get<MessagePage>(
      `/api/v1/clubs/${encodeURIComponent(clubId)}/chat/messages?limit=50&before_seq=${older}`,
    );
    merge(page.items);
    setOlder(page.next_before_seq ?? null);
  }, [clubId, merge, older]);

  return { messages, status, error, send, markRead, hasOlder: older !== null, loadOlder };
}
