import { http, HttpResponse } from 'msw';

import { requireAccount } from './auth-helpers';
import { db, nextId } from './db';
import { problem } from './handlers';

interface Part {
  name: string;
  contentType: string | null;
  size: number;
  /** The part's text (form fields such as `purpose`). */
  text: string;
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
        text: content,
      };
    });
}

export const mediaHandlers = [
  http.post('*/api/v1/media', async ({ request }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    const parts = await readParts(request);
    const file = parts.find((part) => part.name === 'file');
    const purpose = parts.find((part) => part.name === 'purpose')?.text;
    if (file === undefined) return problem(422, 'validation.failed');
    const contentType = file.contentType ?? '';
    // Only report evidence takes videos (as the media service does).
    const isVideo = purpose === 'report_evidence' && /^video\/(mp4|quicktime|webm)$/.test(contentType);
    if (!contentType.startsWith('image/') && !isVideo) return problem(415, 'media.unsupported_type');
    if (file.size > db.uploadLimitBytes) return problem(413, 'media.too_large');
    const id = nextId();
    db.media.set(id, { id, ownerId: account.id });
    return HttpResponse.json(
      {
        id,
        kind: isVideo ? 'video' : 'image',
        content_type: file.contentType,
        width: 16,
        height: 16,
        byte_size: file.size,
        url: `/api/v1/media/${id}/file`,
        thumbnail_url: `/api/v1/media/${id}/thumbnail`,
        poster_url: isVideo ? `/api/v1/media/${id}/poster` : null,
        duration_ms: isVideo ? 2000 : null,
        created_at: new Date().toISOString(),
      },
      { status: 201 },
    );
  }),

  // The bytes behind a private file (report evidence), for the owner only.
  http.get('*/api/v1/media/:id/:variant', ({ request, params }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    const media = db.media.get(String(params.id));
    if (media?.ownerId !== account.id) return problem(404, 'media.not_found');
    return new HttpResponse(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'application/octet-stream' } });
  }),
];
