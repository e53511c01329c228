import { vi } from 'vitest';

type Fix = { latitude: number; longitude: number } | { error: 1 | 2 | 3 };

/** Replaces navigator.geolocation (absent in jsdom) with one that answers `fix`. */
export function mockGeolocation(fix: Fix) {
  const getCurrentPosition = vi.fn((success: PositionCallback, failure?: PositionErrorCallback | null) => {
    if ('error' in fix) {
      failure?.({
        code: fix.error,
        message: 'mocked',
        PERMISSION_DENIED: 1,
        POSITION_UNAVAILABLE: 2,
        TIMEOUT: 3,
      });
      return;
    }
    success({
      coords: { ...fix, accuracy: 10 } as GeolocationCoordinates,
      timestamp: Date.now(),
    } as GeolocationPosition);
  });
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition, watchPosition: vi.fn(), clearWatch: vi.fn() },
  });
  return getCurrentPosition;
}

/** The centre of 청운효자동 (the first region in the mock catalogue). */
export const CHEONGUN = { latitude: 37.5841, longitude: 126.9706 };
