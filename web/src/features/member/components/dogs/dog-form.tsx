import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { PhotoUpload } from '@/components/media/photo-upload';
import { Button } from '@/components/ui/button';
import { ChipGroup } from '@/components/ui/chips';
import { FormAlert } from '@/components/ui/form-alert';
import { FormField } from '@/components/ui/form-field';
import { SearchPicker } from '@/components/ui/search-picker';
import { Segmented } from '@/components/ui/segmented';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { Switch } from '@/components/ui/switch';
import { translateFieldError, translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { DOG_SIZES, PLAY_STYLES } from '../../api/choices';
import { useCreateDog, useUpdateDog } from '../../api/dogs';
import { useTraits } from '../../api/get-traits';
import { breedName, useBreedCatalogue, useBreedSearch } from '../../api/search-breeds';
import type { DogField, DogRead, PlayStyle } from '../../api/types';
import { localName } from '../../utils/labels';

import {
  DOG_NAME_MAX,
  dogFormFrom,
  dogPayload,
  emptyDogForm,
  validateDogForm,
  type DogFormProblem,
  type DogFormState,
} from './dog-form-state';
import '../forms.css';
import './dogs.css';

interface DogFormProps {
  /** The dog to edit; a new dog when absent. */
  dog?: DogRead;
  submitLabel: string;
  onSaved: (dog: DogRead) => void;
  secondaryAction?: ReactNode;
}

type YesNo = 'yes' | 'no';
type YesNoUnknown = YesNo | 'unknown';

function toYesNoUnknown(value: boolean | null): YesNoUnknown {
  if (value === null) return 'unknown';
  return value ? 'yes' : 'no';
}

function fromYesNoUnknown(value: YesNoUnknown): boolean | null {
  return value === 'unknown' ? null : value === 'yes';
}

/** Everything about one dog, each detail with its own 공개/비공개 switch. */
export function DogForm({ dog, submitLabel, onSaved, secondaryAction }: DogFormProps) {
  const { t, i18n } = useTranslation('member');
  const traits = useTraits();
  const catalogue = useBreedCatalogue();
  const [state, setState] = useState<DogFormState>(() =>
    dog === undefined ? emptyDogForm() : dogFormFrom(dog, breedName(dog.breed, catalogue.data, i18n.language)),
  );
  const [problems, setProblems] = useState<DogFormProblem[]>([]);
  const [breedQuery, setBreedQuery] = useState('');
  const debouncedBreed = useDebouncedValue(breedQuery);
  const breeds = useBreedSearch(debouncedBreed);
  const create = useCreateDog();
  const update = useUpdateDog();
  const save = dog === undefined ? create : update;

  if (traits.isPending) return <LoadingState message={t('traits.loading')} />;
  if (traits.isError) {
    return (
      <ErrorState
        title={t('traits.loadError')}
        message={translateProblem(i18n, traits.error)}
        onRetry={() => void traits.refetch()}
        isRetrying={traits.isFetching}
      />
    );
  }

  const set = <K extends keyof DogFormState>(key: K, value: DogFormState[K]) => {
    setState((previous) => ({ ...previous, [key]: value }));
  };
  const setVisible = (field: DogField, value: boolean) => {
    setState((previous) => ({ ...previous, visible: { ...previous.visible, [field]: value } }));
  };

  const serverErrors = isApiProblem(save.error) ? save.error.fieldErrors() : {};
  const fieldError = (field: string, problem?: DogFormProblem): string | undefined => {
    if (problem !== undefined && problems.includes(problem)) return t(`dogForm.required.${problem}`);
    const error = serverErrors[field];
    return error === undefined ? undefined : translateFieldError(i18n, error);
  };
  const formError =
    save.isError && Object.keys(serverErrors).length === 0 ? translateProblem(i18n, save.error) : null;

  const visibility = (field: DogField, label: string) => (
    <Switch
      hideLabel
      label={t('dogForm.visibilityOf', { field: label })}
      checked={state.visible[field]}
      onChange={(value) => {
        setVisible(field, value);
      }}
      onText={t('visibility.public')}
      offText={t('visibility.private')}
    />
  );

  const yesNo = (
    field: 'muzzle' | 'barks' | 'mounts',
    label: string,
  ) => (
    <div className="dog-form__row">
      <Segmented<YesNo>
        legend={label}
        options={[
          { value: 'yes', label: t('answer.yes') },
          { value: 'no', label: t('answer.no') },
        ]}
        value={state[field] ? 'yes' : 'no'}
        onChange={(value) => {
          set(field, value === 'yes');
        }}
      />
      {visibility(field, label)}
    </div>
  );

  const health = (field: 'vaccinated' | 'registered', label: string) => (
    <div className="dog-form__row">
      <Segmented<YesNoUnknown>
        legend={label}
        options={[
          { value: 'yes', label: t('answer.yes') },
          { value: 'no', label: t('answer.no') },
          { value: 'unknown', label: t('answer.unknown') },
        ]}
        value={toYesNoUnknown(state[field])}
        onChange={(value) => {
          set(field, fromYesNoUnknown(value));
        }}
      />
      {visibility(field, label)}
    </div>
  );

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateDogForm(state);
    setProblems(found);
    if (found.length > 0) return;
    const payload = dogPayload(state);
    if (dog === undefined) create.mutate(payload, { onSuccess: onSaved });
    else update.mutate({ dogId: dog.id, changes: payload }, { onSuccess: onSaved });
  };

  // With a breed chosen, the full list comes back only when the member searches again.
  const showBreeds = state.breed === null || breedQuery.trim() !== '';
  const breedOptions = (showBreeds ? (breeds.data ?? []) : []).map((breed) => ({
    value: breed.code,
    label: localName(breed, i18n.language),
  }));

  return (
    <form className="member-form" onSubmit={onSubmit} noValidate>
      <FormAlert message={formError ?? (problems.length > 0 ? t('dogForm.fixErrors') : null)} />

      <section className="member-form__group" aria-labelledby="dog-form-basics">
        <h3 id="dog-form-basics" className="member-form__section-title">
          {t('dogForm.sections.basics')}
        </h3>
        <div className="dog-form__row">
          <FormField
            label={t('dogForm.name')}
            value={state.name}
            maxLength={DOG_NAME_MAX}
            autoComplete="off"
            onChange={(event) => {
              set('name', event.target.value);
            }}
            error={fieldError('name', 'name')}
          />
          {visibility('name', t('dogForm.name'))}
        </div>
        <div className="dog-form__row">
          <PhotoUpload
            label={t('dogForm.photo')}
            purpose="dog_photo"
            value={state.photo}
            onChange={(photo) => {
              set('photo', photo);
            }}
            name={state.name}
            fallback="paw"
          />
          {visibility('photo', t('dogForm.photo'))}
        </div>
        <div className="dog-form__row">
          <SearchPicker
            label={t('dogForm.breed')}
            placeholder={t('dogForm.breedPlaceholder')}
            hint={
              state.breed === null
                ? t('dogForm.breedHint')
                : t('dogForm.breedSelected', { breed: state.breed.label })
            }
            resultsLabel={t('dogForm.breedResults')}
            query={breedQuery}
            onQueryChange={setBreedQuery}
            options={breedOptions}
            selected={state.breed?.code ?? null}
            onSelect={(option) => {
              set('breed', { code: option.value, label: option.label });
            }}
            isLoading={showBreeds && breeds.isPending}
            searched={showBreeds && breeds.isSuccess}
            emptyText={t('dogForm.breedNoResults')}
            loadingText={t('dogForm.breedSearching')}
            error={
              breeds.isError
                ? translateProblem(i18n, breeds.error)
                : problems.includes('breed')
                  ? t('dogForm.required.breed')
                  : undefined
            }
          />
          {visibility('breed', t('dogForm.breed'))}
        </div>
        <div className="dog-form__row">
          <Segmented
            legend={t('dogForm.size')}
            options={DOG_SIZES.map((size) => ({ value: size, label: t(`size.${size}`) }))}
            value={state.size}
            onChange={(size) => {
              set('size', size);
            }}
            error={fieldError('size', 'size')}
          />
          {visibility('size', t('dogForm.size'))}
        </div>
      </section>

      <section className="member-form__group" aria-labelledby="dog-form-personality">
        <h3 id="dog-form-personality" className="member-form__section-title">
          {t('dogForm.sections.personality')}
        </h3>
        <div className="dog-form__row">
          <ChipGroup
            legend={t('dogForm.traits')}
            hint={t('dogForm.traitsHint')}
            options={traits.data.dog.map((trait) => ({ value: trait.code, label: localName(trait, i18n.language) }))}
            selected={state.traits}
            onChange={(next) => {
              set('traits', next);
            }}
            error={fieldError('traits', 'traits')}
          />
          {visibility('traits', t('dogForm.traits'))}
        </div>
        <div className="dog-form__row">
          <Segmented<string>
            legend={t('dogForm.energy')}
            options={[1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: String(level) }))}
            value={state.energyLevel === null ? null : String(state.energyLevel)}
            onChange={(value) => {
              set('energyLevel', Number(value));
            }}
          />
          <p className="member-form__help dog-form__scale">
            <span>{t('dogForm.energyLow')}</span>
            <span>{t('dogForm.energyHigh')}</span>
          </p>
          {visibility('energy_level', t('dogForm.energy'))}
        </div>
        <div className="dog-form__row">
          <Segmented<PlayStyle>
            legend={t('dogForm.playStyle')}
            columns={3}
            options={PLAY_STYLES.map((style) => ({ value: style, label: t(`playStyle.${style}`) }))}
            value={state.playStyle}
            onChange={(value) => {
              set('playStyle', value);
            }}
          />
          {visibility('play_style', t('dogForm.playStyle'))}
        </div>
      </section>

      <section className="member-form__group" aria-labelledby="dog-form-behaviour">
        <h3 id="dog-form-behaviour" className="member-form__section-title">
          {t('dogForm.sections.behaviour')}
        </h3>
        <p className="member-form__help">{t('dogForm.behaviourHelp')}</p>
        {yesNo('muzzle', t('flags.muzzle'))}
        {yesNo('barks', t('flags.barks'))}
        {yesNo('mounts', t('flags.mounts'))}
      </section>

      <section className="member-form__group" aria-labelledby="dog-form-health">
        <h3 id="dog-form-health" className="member-form__section-title">
          {t('dogForm.sections.health')}
        </h3>
        {health('vaccinated', t('dogForm.vaccinated'))}
        {health('registered', t('dogForm.registered'))}
      </section>

      <div className="member-form__actions">
        {secondaryAction}
        <Button type="submit" block isLoading={save.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
