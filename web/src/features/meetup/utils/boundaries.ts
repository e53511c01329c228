import type { FeatureCollection, Geometry } from 'geojson';

/** 시/군/구 boundaries (2022), shipped with the app in public/data (see its README). */
export type Boundaries = FeatureCollection<Geometry, { sgg: string; sido: string; name: string }>;

const URL_PATH = '/data/sgg-boundaries.geojson';
let loading: Promise<Boundaries> | null = null;

/** Fetched once from the app's own server (never from outside) and kept. */
export function loadBoundaries(): Promise<Boundaries> {
  loading ??= fetch(URL_PATH)
    .then(async (response) => {
      if (!response.ok) throw new Error(`boundaries: ${response.status}`);
      return (await response.json()) as Boundaries;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
