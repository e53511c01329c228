import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { AlertIcon } from '@/components/icons/icons';
import { FormAlert } from '@/components/ui/form-alert';
import { Segmented } from '@/components/ui/segmented';
import { LoadingState } from '@/components/ui/states';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { useHospitalSearch } from '../api/hospitals';
import { NO_FILTERS, type HospitalFilters as Filters, type Position } from '../api/types';
import { getDevicePosition, PositionError } from '../utils/position';

import { HospitalFilters } from './hospital-filters';
import { HospitalList } from './hospital-list';
import './hospital.css';

// Leaflet is loaded only when someone opens the map.
const HospitalMap = lazy(() => import('./hospital-map').then((module) => ({ default: module.HospitalMap })));

type View = 'list' | 'map';

function filtersFrom(params: URLSearchParams): Omit<Filters, 'position'> {
  return {
    province: params.get('province') ?? '',
    district: params.get('district') ?? '',
    name: params.get('name') ?? '',
    open24h: params.get('open24h') === '1',
    openNow: params.get('open') === '1',
    fromNeighbourhood: params.get('near') === 'home',
  };
}

function paramsFrom(filters: Filters, view: View): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.province !== '') params.set('province', filters.province);
  if (filters.district !== '') params.set('district', filters.district);
  if (filters.name !== '') params.set('name', filters.name);
  if (filters.open24h) params.set('open24h', '1');
  if (filters.openNow) params.set('open', '1');
  if (filters.fromNeighbourhood && filters.position === null) params.set('near', 'home');
  if (view === 'map') params.set('view', 'map');
  return params;
}

/**
 * The hospital finder: filters kept in the address (so back and sharing work), a list
 * or a map of the results. The device position lives in this component's state only.
 */
export function HospitalFinder() {
  const { t } = useTranslation('hospital');
  const [params, setParams] = useSearchParams();
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [positionProblem, setPositionProblem] = useState<string | null>(null);
  const view: View = params.get('view') === 'map' ? 'map' : 'list';
  const filters: Filters = { ...NO_FILTERS, ...filtersFrom(params), position };
  const name = useDebouncedValue(filters.name, 300);
  // The map shows more at once: a district's hospitals fit in one or two pages of 100.
  const search = useHospitalSearch({ ...filters, name }, { limit: view === 'map' ? 100 : 20 });

  function change(next: Filters, nextView: View = view) {
    setPosition(next.position);
    setParams(paramsFrom(next, nextView), { replace: true });
  }

  async function nearest() {
    setLocating(true);
    setPositionProblem(null);
    try {
      const found = await getDevicePosition();
      change({ ...filters, position: found, fromNeighbourhood: false });
    } catch (error) {
      const reason = error instanceof PositionError ? error.reason : 'unavailable';
      setPositionProblem(t(`position.${reason}`));
    } finally {
      setLocating(false);
    }
  }

  const hospitals = search.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="hospital-finder">
      <Link to="/hospitals/emergency" className="hospital-emergency-button" aria-label={t('emergency.buttonLabel')}>
        <AlertIcon size={20} />
        {t('emergency.button')}
      </Link>
      <HospitalFilters filters={filters} onChange={(next) => change(next)} locating={locating} onNearest={() => void nearest()} />
      <FormAlert message={positionProblem} />
      {position !== null && <p className="hospital-finder__privacy">{t('position.privacy')}</p>}
      <Segmented<View>
        legend={t('view.label')}
        value={view}
        onChange={(next) => change(filters, next)}
        options={[
          { value: 'list', label: t('view.list') },
          { value: 'map', label: t('view.map') },
        ]}
      />
      {view === 'map' && search.isSuccess && (
        <Suspense fallback={<LoadingState />}>
          <HospitalMap hospitals={hospitals} />
        </Suspense>
      )}
      <HospitalList search={search} />
      <p className="hospital-finder__source">{t('source')}</p>
    </div>
  );
}
