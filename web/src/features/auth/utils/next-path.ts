/**
 * `next` from the server, kept only when it is a path on this site
 * ("/me", not "//evil.example" or "https://…"); anything else becomes "/".
 */
export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return '/';
  // Backslashes and control characters can turn a path into another origin in some browsers.
  for (let i = 0; i < next.length; i += 1) {
    const code = next.charCodeAt(i);
    if (code === 0x5c || code < 0x20 || code === 0x7f) return '/';
  }
  try {
    const base = window.location.origin;
    const url = new URL(next, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
