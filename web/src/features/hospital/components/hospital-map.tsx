import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { useMapSettings } from '../api/hospitals';
import type { Hospital } from '../api/types';
import { HospitalClusters, located, type Located } from '../utils/clusters';
import { telHref } from '../utils/contact';

import './hospital.css';

interface HospitalMapProps {
  hospitals: readonly Hospital[];
}

// Korea's middle, for a map with nothing to show yet.
const KOREA: L.LatLngTuple = [36.4, 127.8];
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

function escapeHtml(text: string): string {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

function popupHtml(hospital: Located, callLabel: string): string {
  const call =
    hospital.phone === null
      ? ''
      : `<a class="hospital-map__call" href="${telHref(hospital.phone)}">${escapeHtml(callLabel)} ${escapeHtml(hospital.phone)}</a>`;
  return `<strong>${escapeHtml(hospital.name)}</strong><br>${escapeHtml(hospital.address ?? '')}<br>${call}`;
}

/**
 * Markers with clustering (supercluster) on a Leaflet map. Without a configured tile
 * source there is no tile layer at all, so the map makes no network request: the
 * markers sit on a plain background.
 */
export function HospitalMap({ hospitals }: HospitalMapProps) {
  const { t } = useTranslation('hospital');
  const settings = useMapSettings();
  const container = useRef<HTMLDivElement | null>(null);
  const points = useMemo(() => located(hospitals), [hospitals]);
  const tileUrl = settings.data?.tile_url ?? null;
  const attribution = settings.data?.attribution ?? '';
  const ready = settings.isSuccess || settings.isError;

  useEffect(() => {
    const element = container.current;
    if (element === null || !ready) return undefined;
    const map = L.map(element, { zoomControl: true, attributionControl: tileUrl !== null, minZoom: 6, maxZoom: 18 });
    if (tileUrl !== null) L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    const layer = L.layerGroup().addTo(map);
    const clusters = new HospitalClusters(points);

    // Clusters for the whole world at this zoom: panning then changes nothing, so
    // markers (and an open popup) stay put; only a zoom redraws them.
    function draw() {
      layer.clearLayers();
      for (const point of clusters.points(WORLD, map.getZoom())) {
        if (point.kind === 'cluster') {
          const label = t('map.cluster', { count: point.count });
          const marker = L.marker([point.latitude, point.longitude], {
            icon: L.divIcon({
              className: 'hospital-map__cluster',
              html: `<span>${point.count}</span>`,
              iconSize: [40, 40],
            }),
            title: label,
            alt: label,
            keyboard: true,
          });
          marker.on('click', () => {
            map.setView([point.latitude, point.longitude], Math.min(clusters.expansionZoom(point.id), 18));
          });
          layer.addLayer(marker);
        } else {
          const { hospital } = point;
          const label = t('map.markerLabel', { name: hospital.name });
          const marker = L.marker([hospital.latitude, hospital.longitude], {
            icon: L.divIcon({
              className: hospital.open_now === true ? 'hospital-map__pin hospital-map__pin--open' : 'hospital-map__pin',
              html: '<span></span>',
              iconSize: [22, 22],
            }),
            title: label,
            alt: label,
            keyboard: true,
          });
          marker.bindPopup(popupHtml(hospital, t('card.call')));
          layer.addLayer(marker);
        }
      }
    }

    if (points.length > 0) {
      const bounds = L.latLngBounds(points.map((h) => [h.latitude, h.longitude] as L.LatLngTuple));
      map.fitBounds(bounds, { padding: [28, 28], maxZoom: 16 });
    } else {
      map.setView(KOREA, 7);
    }
    draw();
    map.on('zoomend', draw);
    return () => {
      map.off();
      map.remove();
    };
  }, [points, tileUrl, attribution, ready, t]);

  return (
    <section className="hospital-map" aria-label={t('map.label')}>
      <div
        ref={container}
        className={tileUrl === null ? 'hospital-map__canvas hospital-map__canvas--plain' : 'hospital-map__canvas'}
        data-testid="hospital-map"
        data-markers={points.length}
      />
      {tileUrl === null && <p className="hospital-map__note">{t('map.noTiles')}</p>}
      {points.length === 0 && hospitals.length > 0 && <p className="hospital-map__note">{t('map.noPositions')}</p>}
    </section>
  );
}
