/** A date and time in the reader's language, e.g. "2026년 12월 1일 오후 9:30". */
export function formatDateTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
