/** The report page with the reported member and the content filled in. */
export function reportLink(nickname: string | null, about: string): string {
  const params = new URLSearchParams();
  if (nickname !== null) params.set('member', nickname);
  params.set('about', about);
  return `/reports/new?${params.toString()}`;
}
