import { useTranslation } from 'react-i18next';

import { FormField } from '@/components/ui/form-field';
import { SelectField } from '@/components/ui/select-field';

import { useDistricts, useProvinces } from '../api/hospitals';
import type { HospitalFilters as Filters } from '../api/types';

interface HospitalFiltersProps {
  filters: Filters;
  onChange: (next: Filters) => void;
  locating: boolean;
  onNearest: () => void;
}

/** Region pickers (from the hospitals' addresses), name, 24-hour, open now, nearest. */
export function HospitalFilters({ filters, onChange, locating, onNearest }: HospitalFiltersProps) {
  const { t } = useTranslation('hospital');
  const provinces = useProvinces();
  const districts = useDistricts(filters.province);

  return (
    <form className="hospital-filters" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="hospital-filters__regions">
        <SelectField
          label={t('filters.province')}
          value={filters.province}
          onChange={(event) => onChange({ ...filters, province: event.target.value, district: '' })}
          options={[
            { value: '', label: t('filters.anyProvince') },
            ...(provinces.data ?? []).map((p) => ({ value: p.name, label: p.name })),
          ]}
        />
        <SelectField
          label={t('filters.district')}
          value={filters.district}
          disabled={filters.province === ''}
          onChange={(event) => onChange({ ...filters, district: event.target.value })}
          options={[
            { value: '', label: t('filters.anyDistrict') },
            ...(districts.data ?? []).map((d) => ({ value: d.name, label: `${d.name} (${d.count})` })),
          ]}
        />
      </div>
      <FormField
        label={t('filters.name')}
        type="search"
        placeholder={t('filters.namePlaceholder')}
        value={filters.name}
        onChange={(event) => onChange({ ...filters, name: event.target.value })}
      />
      <div className="hospital-filters__toggles">
        <button
          type="button"
          className="hospital-toggle"
          aria-pressed={filters.open24h}
          onClick={() => onChange({ ...filters, open24h: !filters.open24h })}
        >
          {t('filters.open24h')}
        </button>
        <button
          type="button"
          className="hospital-toggle"
          aria-pressed={filters.openNow}
          onClick={() => onChange({ ...filters, openNow: !filters.openNow })}
        >
          {t('filters.openNow')}
        </button>
        <button
          type="button"
          className="hospital-toggle"
          aria-pressed={filters.position !== null}
          aria-busy={locating || undefined}
          disabled={locating}
          onClick={() => (filters.position === null ? onNearest() : onChange({ ...filters, position: null }))}
        >
          {locating ? t('filters.locating') : filters.position !== null ? t('filters.nearestOn') : t('filters.nearest')}
        </button>
        <button
          type="button"
          className="hospital-toggle"
          aria-pressed={filters.position === null && filters.fromNeighbourhood}
          onClick={() =>
            onChange({ ...filters, position: null, fromNeighbourhood: filters.position !== null || !filters.fromNeighbourhood })
          }
        >
          {t('filters.nearHome')}
        </button>
      </div>
    </form>
  );
}
