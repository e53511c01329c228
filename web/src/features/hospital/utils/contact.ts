import type { Hospital } from '../api/types';

/** `tel:` link for a number like 062-571-1275 (digits only; a leading + kept). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits}`;
}

/** Directions in Kakao Map to the hospital's position (opens the app on phones). */
export function kakaoDirectionsUrl(hospital: Pick<Hospital, 'name' | 'latitude' | 'longitude'>): string | null {
  if (hospital.latitude === null || hospital.longitude === null) return null;
  const name = encodeURIComponent(hospital.name.replace(/,/g, ' '));
  return `https://map.kakao.com/link/to/${name},${hospital.latitude},${hospital.longitude}`;
}

/** "350 m" or "2.4 km" in the reader's language. */
export function formatDistance(metres: number, language: string): string {
  if (metres < 1000) {
    return `${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(metres)} m`;
  }
  const km = metres / 1000;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km)} km`;
}
