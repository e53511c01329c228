/** Keyset-like paging for MSW handlers, shaped as the server's `<Thing>Page`: newest
 * first, `limit` (default 20) items after the item whose key is the `cursor`. */
export function pageOf<T>(
  items: T[],
  url: URL,
  { key, time }: { key: (item: T) => string; time: (item: T) => string },
): { items: T[]; next_cursor: string | null } {
  const sorted = [...items].sort((a, b) => time(b).localeCompare(time(a)) || key(a).localeCompare(key(b)));
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const cursor = url.searchParams.get('cursor');
  const start = cursor === null ? 0 : sorted.findIndex((item) => key(item) === cursor) + 1;
  const shown = sorted.slice(start, start + limit);
  const last = shown.at(-1);
  return { items: shown, next_cursor: start + limit < sorted.length && last !== undefined ? key(last) : null };
}
