import { useEffect, useRef } from 'react';

import { getAccessToken } from './api-client';

/** One Server-Sent Event of the platform's real-time channel. */
export interface RealtimeEvent {
  event: string;
  data: unknown;
}

const STREAM_PATH = '/api/v1/realtime/stream';

/** Splits an SSE byte stream into events (`event:` and `data:` lines, blank line ends one). */
export function createSseParser(onEvent: (event: { event: string; data: string }) => void) {
  let buffer = '';
  let name = 'message';
  let data: string[] = [];
  return (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        if (data.length > 0) onEvent({ event: name, data: data.join('\n') });
        name = 'message';
        data = [];
      } else if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
      newline = buffer.indexOf('\n');
    }
  };
}

interface Options {
  /** After a (re)connection: reload what the page shows, since events may have been missed. */
  onConnected?: () => void;
  /** Before reconnecting after a refused token: an authenticated request that refreshes it. */
  refresh?: () => Promise<unknown>;
}

/**
 * Listens to real-time channels while mounted. The stream is read with fetch so the
 * access token travels in the Authorization header (an EventSource cannot send one);
 * it reconnects with back-off, refreshing the token when the server asks for it.
 */
export function useRealtime(channels: readonly string[], onEvent: (event: RealtimeEvent) => void, options: Options = {}) {
  const handlers = useRef({ onEvent, options });
  useEffect(() => {
    handlers.current = { onEvent, options };
  });
  const key = channels.join('|');

  useEffect(() => {
    if (key === '') return undefined;
    const controller = new AbortController();
    let attempt = 0;
    const stopped = () => controller.signal.aborted;

    async function connect(): Promise<void> {
      while (!stopped()) {
        const state = { refused: false };
        try {
          const params = new URLSearchParams();
          for (const channel of key.split('|')) params.append('channel', channel);
          const token = getAccessToken();
          const response = await fetch(`${STREAM_PATH}?${params.toString()}`, {
            headers: { Accept: 'text/event-stream', ...(token === null ? {} : { Authorization: `Bearer ${token}` }) },
            credentials: 'include',
            signal: controller.signal,
          });
          if (response.status === 401) {
            state.refused = true;
          } else if (response.ok && response.body !== null) {
            attempt = 0;
            handlers.current.options.onConnected?.();
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            const parse = createSseParser(({ event, data }) => {
              if (event === 'reauthenticate') state.refused = true;
              let parsed: unknown = data;
              try {
                parsed = JSON.parse(data);
              } catch {
                // not JSON: handed on as text
              }
              handlers.current.onEvent({ event, data: parsed });
            });
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              parse(value);
            }
          }
        } catch {
          if (stopped()) return;
        }
        if (state.refused) await handlers.current.options.refresh?.().catch(() => undefined);
        attempt += 1;
        const wait = Math.min(10_000, 500 * 2 ** Math.min(attempt, 5));
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }

    void connect();
    return () => controller.abort();
  }, [key]);
}
