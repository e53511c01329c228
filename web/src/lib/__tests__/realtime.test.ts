import { describe, expect, it } from 'vitest';

import { createSseParser } from '../realtime';

describe('createSseParser', () => {
  it('splits a stream into named events across chunk boundaries', () => {
    const events: { event: string; data: string }[] = [];
    const parse = createSseParser((event) => events.push(event));
    parse('retry: 2000\n: connected\n\n');
    parse('id: 1\nevent: comment_wr');
    parse('itten\ndata: {"comment_id":"c1"}\n\n: heartbeat\n\n');
    parse('data: plain\r\n\r\n');
    expect(events).toEqual([
      { event: 'comment_written', data: '{"comment_id":"c1"}' },
      { event: 'message', data: 'plain' },
    ]);
  });
});
