import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { PhotoUpload, type PhotoValue } from '@/components/media/photo-upload';
import { Button } from '@/components/ui/button';
import { ChipGroup } from '@/components/ui/chips';
import { FormAlert } from '@/components/ui/form-alert';
import { Segmented } from '@/components/ui/segmented';
import { SelectField } from '@/components/ui/select-field';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { Switch } from '@/components/ui/switch';
import { translateFieldError, translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';

import { GENDERS } from '../../api/choices';
import { useTraits } from '../../api/get-traits';
import type { Gender, MyProfile, OwnerTraitCode } from '../../api/types';
import { useUpdateMyProfile } from '../../api/update-my-profile';
import { localName } from '../../utils/labels';

import '../forms.css';

const OLDEST_YEAR = 1920;

function birthYears(now = new Date()): number[] {
  const newest = now.getFullYear();
  return Array.from({ length: newest - OLDEST_YEAR + 1 }, (_, index) => newest - index);
}

interface ProfileFormProps {
  profile: MyProfile;
  submitLabel: string;
  onSaved: (profile: MyProfile) => void;
  /** Extra buttons beside submit (e.g. 취소). */
  secondaryAction?: ReactNode;
}

/** Owner traits, photo, birth year and gender with their 공개 switches. */
export function ProfileForm({ profile, submitLabel, onSaved, secondaryAction }: ProfileFormProps) {
  const { t, i18n } = useTranslation('member');
  const traits = useTraits();
  const update = useUpdateMyProfile();

  const [ownerTraits, setOwnerTraits] = useState<string[]>(profile.owner_traits);
  const [photo, setPhoto] = useState<PhotoValue | null>(
    profile.photo_media_id === null ? null : { id: profile.photo_media_id, thumbnailUrl: profile.photo_thumbnail_url },
  );
  const [birthYear, setBirthYear] = useState<string>(profile.birth_year === null ? '' : String(profile.birth_year));
  const [agePublic, setAgePublic] = useState(profile.age_public);
  const [gender, setGender] = useState<Gender | null>(profile.gender);
  const [genderPublic, setGenderPublic] = useState(profile.gender_public);
  const [traitsMissing, setTraitsMissing] = useState(false);

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

  const fieldErrors = isApiProblem(update.error) ? update.error.fieldErrors() : {};
  const fieldError = (field: string) => {
    const error = fieldErrors[field];
    return error === undefined ? undefined : translateFieldError(i18n, error);
  };
  const formError = update.isError && Object.keys(fieldErrors).length === 0 ? translateProblem(i18n, update.error) : null;

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (ownerTraits.length === 0) {
      setTraitsMissing(true);
      return;
    }
    update.mutate(
      {
        // Codes are picked from the server's own trait catalogue.
        owner_traits: ownerTraits as OwnerTraitCode[],
        photo_media_id: photo?.id ?? null,
        birth_year: birthYear === '' ? null : Number(birthYear),
        age_public: agePublic,
        gender,
        gender_public: genderPublic,
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="member-form" onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      <ChipGroup
        legend={t('profileForm.ownerTraits')}
        hint={t('profileForm.ownerTraitsHint')}
        options={traits.data.owner.map((trait) => ({ value: trait.code, label: localName(trait, i18n.language) }))}
        selected={ownerTraits}
        onChange={(next) => {
          setOwnerTraits(next);
          if (next.length > 0) setTraitsMissing(false);
        }}
        error={traitsMissing ? t('profileForm.ownerTraitsRequired') : fieldError('owner_traits')}
      />
      <PhotoUpload
        label={t('profileForm.photo')}
        purpose="profile_photo"
        value={photo}
        onChange={setPhoto}
        name={profile.nickname}
      />
      <div className="member-form__group">
        <SelectField
          label={t('profileForm.birthYear')}
          value={birthYear}
          onChange={(event) => {
            setBirthYear(event.target.value);
          }}
          options={[
            { value: '', label: t('profileForm.notSaying') },
            ...birthYears().map((year) => ({ value: String(year), label: t('profileForm.year', { year }) })),
          ]}
          error={fieldError('birth_year')}
        />
        <Switch
          label={t('profileForm.agePublic')}
          checked={agePublic}
          onChange={setAgePublic}
          onText={t('visibility.public')}
          offText={t('visibility.private')}
        />
      </div>
      <div className="member-form__group">
        <Segmented<Gender>
          legend={t('profileForm.gender')}
          columns={2}
          options={GENDERS.map((value) => ({ value, label: t(`gender.${value}`) }))}
          value={gender}
          onChange={setGender}
          error={fieldError('gender')}
        />
        <Switch
          label={t('profileForm.genderPublic')}
          checked={genderPublic}
          onChange={setGenderPublic}
          onText={t('visibility.public')}
          offText={t('visibility.private')}
        />
      </div>
      <div className="member-form__actions">
        {secondaryAction}
        <Button type="submit" block isLoading={update.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
