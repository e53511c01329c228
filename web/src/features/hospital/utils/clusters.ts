import Supercluster from 'supercluster';

import type { Hospital } from '../api/types';

export interface Located extends Hospital {
  latitude: number;
  longitude: number;
}

export type MapPoint =
  | { kind: 'cluster'; id: number; latitude: number; longitude: number; count: number }
  | { kind: 'hospital'; hospital: Located };

export function located(hospitals: readonly Hospital[]): Located[] {
  return hospitals.filter((h): h is Located => h.latitude !== null && h.longitude !== null);
}

/** Groups nearby markers (supercluster) so a district's hundred hospitals stay readable. */
export class HospitalClusters {
  private readonly index = new Supercluster<{ hospital: Located }>({ radius: 56, maxZoom: 17 });

  constructor(hospitals: readonly Located[]) {
    this.index.load(
      hospitals.map((hospital) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [hospital.longitude, hospital.latitude] },
        properties: { hospital },
      })),
    );
  }

  /** The markers for a view: west, south, east, north in degrees, and the map's zoom. */
  points(bounds: [number, number, number, number], zoom: number): MapPoint[] {
    return this.index.getClusters(bounds, Math.round(zoom)).map((feature) => {
      const [longitude, latitude] = feature.geometry.coordinates as [number, number];
      const props = feature.properties;
      if ('cluster' in props) {
        return { kind: 'cluster', id: props.cluster_id, latitude, longitude, count: props.point_count };
      }
      return { kind: 'hospital', hospital: props.hospital };
    });
  }

  /** The zoom at which a cluster falls apart into its members. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}
