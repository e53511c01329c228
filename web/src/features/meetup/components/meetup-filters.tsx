import { useTranslation } from 'react-i18next';
import './meetup.css';

import { SelectField } from '@/components/ui/select-field';
import { Switch } from '@/components/ui/switch';

import type { DogSize, MeetupFilters, Region, TimeOfDay } from '../api/types';
import { DISTANCES_KM, DOG_SIZES, REGIONS, TIMES_OF_DAY } from '../utils/filters';

interface MeetupFiltersProps {
  filters: MeetupFilters;
  onChange: (filters: MeetupFilters) => void;
}

/** Region, distance, time of day, dog size, free places, quiet mode. */
export function MeetupFilterBar({ filters, onChange }: MeetupFiltersProps) {
  const { t } = useTranslation('meetup');
  return (
    <fieldset className="meetup-filters">
      <legend className="visually-hidden">{t('filters.legend')}</legend>
      <div className="meetup-filters__row">
        <SelectField
          label={t('filters.region')}
          value={filters.region}
          onChange={(event) => onChange({ ...filters, region: event.target.value as Region })}
          options={REGIONS.map((region) => ({ value: region, label: t(`filters.regions.${region}`) }))}
        />
        {filters.region === 'distance' && (
          <SelectField
            label={t('filters.distance')}
            value={String(filters.distanceKm)}
            onChange={(event) => onChange({ ...filters, distanceKm: Number(event.target.value) })}
            options={DISTANCES_KM.map((km) => ({ value: String(km), label: t('filters.km', { km }) }))}
          />
        )}
      </div>
      <div className="meetup-filters__row">
        <SelectField
          label={t('filters.time')}
          value={filters.timeOfDay ?? ''}
          onChange={(event) =>
            onChange({ ...filters, timeOfDay: event.target.value === '' ? null : (event.target.value as TimeOfDay) })
          }
          options={[
            { value: '', label: t('filters.any') },
            ...TIMES_OF_DAY.map((time) => ({ value: time, label: t(`filters.times.${time}`) })),
          ]}
        />
        <SelectField
          label={t('filters.size')}
          value={filters.dogSize ?? ''}
          onChange={(event) =>
            onChange({ ...filters, dogSize: event.target.value === '' ? null : (event.target.value as DogSize) })
          }
          options={[
            { value: '', label: t('filters.any') },
            ...DOG_SIZES.map((size) => ({ value: size, label: t(`size.${size}`) })),
          ]}
        />
      </div>
      <div className="meetup-filters__row meetup-filters__row--switches">
        <Switch label={t('filters.free')} checked={filters.freeOnly} onChange={(freeOnly) => onChange({ ...filters, freeOnly })} />
        <Switch label={t('filters.quiet')} checked={filters.quiet} onChange={(quiet) => onChange({ ...filters, quiet })} />
      </div>
    </fieldset>
  );
}
