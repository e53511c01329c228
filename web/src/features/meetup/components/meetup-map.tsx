import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useMeetupSettings } from '../api/meetups';
import { loadBoundaries, type Boundaries } from '../utils/boundaries';

import './meetup.css';

export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  label: string;
}

interface MeetupMapProps {
  points?: readonly MapPoint[];
  /** Where to look first (my 동's centre); Seoul's centre without one. */
  centre?: readonly [number, number] | null;
  /** The 시/군/구 to draw stronger (5 digits). */
  highlightSgg?: string | null;
  /** Choosing a place: a tap moves the pin and calls back. */
  pick?: { value: readonly [number, number] | null; onPick: (position: [number, number]) => void };
  label: string;
}

const SEOUL: L.LatLngTuple = [37.5665, 126.978];

/**
 * A Leaflet map drawn from the district boundaries that ship with the app, so it works
 * with no network at all; tiles are added only when the server configures a source.
 */
export function MeetupMap({ points = [], centre = null, highlightSgg = null, pick, label }: MeetupMapProps) {
  const { t } = useTranslation('meetup');
  const settings = useMeetupSettings();
  const container = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<L.Map | null>(null);
  const pinRef = useRef<L.Marker | null>(null);
  const pickRef = useRef(pick);
  useEffect(() => {
    pickRef.current = pick;
  });
  const [boundaries, setBoundaries] = useState<Boundaries | null>(null);
  const [failed, setFailed] = useState(false);
  const tileUrl = settings.data?.tiles.url ?? null;
  const attribution = settings.data?.tiles.attribution ?? '';
  const ready = settings.isSuccess || settings.isError;

  useEffect(() => {
    let live = true;
    loadBoundaries()
      .then((found) => {
        if (live) setBoundaries(found);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, []);

  const centreLat = centre?.[0];
  const centreLng = centre?.[1];
  useEffect(() => {
    const element = container.current;
    if (element === null || !ready) return undefined;
    const map = L.map(element, { zoomControl: true, attributionControl: true, minZoom: 7, maxZoom: 18 });
    mapRef.current = map;
    map.attributionControl.setPrefix(false);
    if (tileUrl !== null) L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    map.attributionControl.addAttribution(t('map.credit'));
    L.control.scale({ imperial: false }).addTo(map);
    if (boundaries !== null) {
      L.geoJSON(boundaries, {
        interactive: false,
        style: (feature) => {
          const properties = feature?.properties as { sgg?: string } | undefined;
          const mine = properties?.sgg === highlightSgg;
          return {
            color: mine ? '#c2410c' : '#8c7b6b',
            weight: mine ? 2.5 : 1,
            fillColor: mine ? '#ffedd5' : '#fffaf3',
            fillOpacity: tileUrl === null ? (mine ? 0.7 : 0.45) : 0.1,
          };
        },
      }).addTo(map);
    }
    const start: L.LatLngTuple =
      centreLat !== undefined && centreLng !== undefined ? [centreLat, centreLng] : SEOUL;
    map.setView(start, 14);
    const layer = L.layerGroup().addTo(map);
    for (const point of points) {
      L.marker([point.latitude, point.longitude], {
        icon: L.divIcon({ className: 'meetup-map__pin', html: '<span></span>', iconSize: [22, 22] }),
        title: point.label,
        alt: point.label,
        keyboard: true,
      })
        .bindTooltip(point.label)
        .addTo(layer);
    }
    if (points.length > 1) {
      map.fitBounds(L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as L.LatLngTuple)), {
        padding: [28, 28],
        maxZoom: 15,
      });
    } else if (points.length === 1 && points[0] !== undefined) {
      map.setView([points[0].latitude, points[0].longitude], 15);
    }
    map.on('click', (event: L.LeafletMouseEvent) => {
      const current = pickRef.current;
      if (current === undefined) return;
      current.onPick([Number(event.latlng.lat.toFixed(6)), Number(event.latlng.lng.toFixed(6))]);
    });
    return () => {
      map.off();
      map.remove();
      mapRef.current = null;
      pinRef.current = null;
    };
  }, [ready, tileUrl, attribution, boundaries, highlightSgg, points, centreLat, centreLng, t]);

  const picked = pick?.value ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (map === null) return;
    pinRef.current?.remove();
    pinRef.current = null;
    if (picked === null) return;
    pinRef.current = L.marker([picked[0], picked[1]], {
      icon: L.divIcon({ className: 'meetup-map__pin meetup-map__pin--picked', html: '<span></span>', iconSize: [26, 26] }),
      title: t('map.picked'),
      alt: t('map.picked'),
    }).addTo(map);
  }, [picked, boundaries, ready, tileUrl, t]);

  return (
    <section className="meetup-map" aria-label={label}>
      <div
        ref={container}
        className={tileUrl === null ? 'meetup-map__canvas meetup-map__canvas--plain' : 'meetup-map__canvas'}
        data-testid="meetup-map"
        data-boundaries={boundaries === null ? 0 : boundaries.features.length}
        data-picking={pick === undefined ? undefined : 'true'}
      />
      {tileUrl === null && <p className="meetup-map__note">{t('map.noTiles')}</p>}
      {failed && <p className="meetup-map__note">{t('map.boundariesFailed')}</p>}
    </section>
  );
}
