const SEOUL = 'Asia/Seoul';

function locale(language: string): string {
  return language.startsWith('en') ? 'en-US' : 'ko-KR';
}

/** "12월 3일 (목) 오후 7:30" in Seoul time. */
export function formatWhen(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: SEOUL,
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: SEOUL, hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  );
}

export function formatDistance(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`;
}

/** yyyy-MM-ddTHH:mm for a datetime-local input, in the device's zone. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
