import { http, HttpResponse } from 'msw';

import { requireAccount } from './auth-helpers';
import { db, nextId } from './db';
import { problem } from './handlers';

interface Part {
  name: string;
  contentType: string | null;
  size: number;
}

/**
 * Reads the multipart body by hand: under jsdom, Node's own FormData parser
 * refuses intercepted requests, and the mock needs only names, types and sizes.
 */
async function readParts(request: Request): Promise<Part[]> {
  const boundary = /boundary=(?<value>[^;]+)/.exec(request.headers.get('content-type') ?? '')?.groups?.value;
  if (boundary === undefined) return [];
  // latin1 keeps one character per byte, so lengths are byte sizes.
  const body = Array.from(new Uint8Array(await request.arrayBuffer()), (byte) => String.fromCharCode(byte)).join('');
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const [head = '', ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
      const content = rest.join('\r\n\r\n').replace(/\r\n$/, '');
      return {
        name: /name="(?<name>[^"]*)"/.exec(head)?.groups?.name ?? '',
        contentType: /content-type:\s*(?<type>[^\r\n]+)/i.exec(head)?.groups?.type ?? null,
        size: content.length,
      };
    });
}

export const mediaHandlers = [
  http.post('*/api/v1/media', async ({ request }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    const file = (await readParts(request)).find((part) => part.name === 'file');
    if (file === undefined) return problem(422, 'validation.failed');
    if (!(file.contentType ?? '').startsWith('image/')) return problem(415, 'media.unsupported_type');
    if (file.size > db.uploadLimitBytes) return problem(413, 'media.too_large');
    const id = nextId();
    db.media.set(id, { id, ownerId: account.id });
    return HttpResponse.json(
      {
        id,
        kind: 'image',
        content_type: file.contentType,
        width: 16,
        height: 16,
        byte_size: file.size,
        url: `/api/v1/media/${id}/file`,
        thumbnail_url: `/api/v1/media/${id}/thumbnail`,
        created_at: new Date().toISOString(),
      },
      { status: 201 },
    );
  }),
];
