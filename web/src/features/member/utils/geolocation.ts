export type GeolocationFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

/** Why the device could not tell where it is; translated as `geolocation.<reason>`. */
export class GeolocationError extends Error {
  readonly reason: GeolocationFailure;

  constructor(reason: GeolocationFailure) {
    super(`Geolocation failed: ${reason}`);
    this.name = 'GeolocationError';
    this.reason = reason;
  }
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

function failureOf(error: GeolocationPositionError): GeolocationFailure {
  if (error.code === error.PERMISSION_DENIED) return 'denied';
  if (error.code === error.TIMEOUT) return 'timeout';
  return 'unavailable';
}

/** One fresh, accurate fix from `navigator.geolocation` as a promise. */
export function getCurrentCoordinates(timeoutMs = 15_000): Promise<Coordinates> {
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
    return Promise.reject(new GeolocationError('unsupported'));
  }
  return new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(
      (position) => {
        resolve({ latitude: position.coords.latitude, longitude: position.coords.longitude });
      },
      (error) => {
        reject(new GeolocationError(failureOf(error)));
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 },
    );
  });
}
