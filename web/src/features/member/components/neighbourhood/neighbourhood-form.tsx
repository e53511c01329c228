import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PinIcon } from '@/components/icons/icons';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SearchPicker, type PickerOption } from '@/components/ui/search-picker';
import { translateProblem } from '@/lib/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { useRegionSearch } from '../../api/search-regions';
import { useVerifyNeighbourhood } from '../../api/verify-neighbourhood';
import { GeolocationError } from '../../utils/geolocation';

import '../forms.css';

interface NeighbourhoodFormProps {
  /** The 동 verified before, offered again when re-verifying. */
  current?: { code: string; name: string } | null;
  onVerified: () => void;
  submitLabel?: string;
}

/** Search the 동, then prove the device is there with its current position. */
export function NeighbourhoodForm({ current = null, onVerified, submitLabel }: NeighbourhoodFormProps) {
  const { t, i18n } = useTranslation('member');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<PickerOption | null>(
    current === null ? null : { value: current.code, label: current.name },
  );
  const debounced = useDebouncedValue(query);
  const regions = useRegionSearch(debounced);
  const verify = useVerifyNeighbourhood();

  const searching = debounced.trim() !== '';
  const options: PickerOption[] = searching
    ? (regions.data ?? []).map((region) => ({ value: region.code, label: region.name, description: region.full_name }))
    : [];

  const error = verify.isError
    ? verify.error instanceof GeolocationError
      ? t(`geolocation.${verify.error.reason}`)
      : translateProblem(i18n, verify.error)
    : null;

  return (
    <div className="member-form">
      <SearchPicker
        label={t('neighbourhood.search')}
        placeholder={t('neighbourhood.searchPlaceholder')}
        hint={t('neighbourhood.searchHint')}
        resultsLabel={t('neighbourhood.results')}
        query={query}
        onQueryChange={setQuery}
        options={options}
        selected={selected?.value ?? null}
        onSelect={(option) => {
          setSelected(option);
          verify.reset();
        }}
        isLoading={searching && regions.isFetching && regions.data === undefined}
        error={searching && regions.isError ? translateProblem(i18n, regions.error) : undefined}
        searched={searching && regions.isSuccess}
        emptyText={t('neighbourhood.noResults')}
        loadingText={t('neighbourhood.searching')}
      />
      <div className="member-form__group" aria-live="polite">
        {selected === null ? (
          <p className="member-form__section-title">{t('neighbourhood.noneSelected')}</p>
        ) : (
          <>
            <p className="member-form__help">{t('neighbourhood.selectedCaption')}</p>
            <p className="member-form__section-title">{selected.description ?? selected.label}</p>
          </>
        )}
        <p className="member-form__help">{t('neighbourhood.privacy')}</p>
      </div>
      <FormAlert message={error} />
      <Button
        block
        disabled={selected === null}
        isLoading={verify.isPending}
        onClick={() => {
          if (selected === null) return;
          verify.mutate(selected.value, { onSuccess: onVerified });
        }}
      >
        <PinIcon size={20} />
        {verify.isPending ? t('neighbourhood.locating') : (submitLabel ?? t('neighbourhood.verify'))}
      </Button>
    </div>
  );
}
