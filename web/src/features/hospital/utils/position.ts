import type { Position } from '../api/types';

export type PositionFailure = 'unsupported' | 'denied' | 'unavailable';

export class PositionError extends Error {
  constructor(readonly reason: PositionFailure) {
    super(reason);
  }
}

/** Asks the device once; the position is only held by the caller, never stored. */
export function getDevicePosition(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
      reject(new PositionError('unsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (fix) => {
        resolve({ latitude: fix.coords.latitude, longitude: fix.coords.longitude });
      },
      (failure) => {
        reject(new PositionError(failure.code === 1 ? 'denied' : 'unavailable'));
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}
