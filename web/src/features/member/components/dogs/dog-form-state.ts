import type { PhotoValue } from '@/components/media/photo-upload';

import { DEFAULT_PUBLIC_DOG_FIELDS, DOG_FIELDS } from '../../api/choices';
import type { BreedCode, DogCreate, DogField, DogRead, DogSize, DogTraitCode, PlayStyle } from '../../api/types';

export interface DogFormState {
  name: string;
  breed: { code: string; label: string } | null;
  size: DogSize | null;
  photo: PhotoValue | null;
  traits: string[];
  muzzle: boolean;
  barks: boolean;
  mounts: boolean;
  energyLevel: number | null;
  playStyle: PlayStyle | null;
  vaccinated: boolean | null;
  registered: boolean | null;
  visible: Record<DogField, boolean>;
}

export const DOG_NAME_MAX = 20;

function visibility(publicFields: readonly DogField[]): Record<DogField, boolean> {
  return Object.fromEntries(DOG_FIELDS.map((field) => [field, publicFields.includes(field)])) as Record<
    DogField,
    boolean
  >;
}

export function emptyDogForm(): DogFormState {
  return {
    name: '',
    breed: null,
    size: null,
    photo: null,
    traits: [],
    muzzle: false,
    barks: false,
    mounts: false,
    energyLevel: null,
    playStyle: null,
    vaccinated: null,
    registered: null,
    visible: visibility(DEFAULT_PUBLIC_DOG_FIELDS),
  };
}

export function dogFormFrom(dog: DogRead, breedLabel: string | null): DogFormState {
  return {
    name: dog.name,
    breed: { code: dog.breed, label: breedLabel ?? dog.breed },
    size: dog.size,
    photo: dog.photo_media_id === null ? null : { id: dog.photo_media_id, thumbnailUrl: dog.photo_thumbnail_url },
    traits: dog.traits,
    muzzle: dog.muzzle,
    barks: dog.barks,
    mounts: dog.mounts,
    energyLevel: dog.energy_level,
    playStyle: dog.play_style,
    vaccinated: dog.vaccinated,
    registered: dog.registered,
    visible: visibility(dog.public_fields),
  };
}

export type DogFormProblem = 'name' | 'breed' | 'size' | 'traits';

/** What must be fixed before sending (empty when the form is complete). */
export function validateDogForm(state: DogFormState): DogFormProblem[] {
  const problems: DogFormProblem[] = [];
  if (state.name.trim() === '') problems.push('name');
  if (state.breed === null) problems.push('breed');
  if (state.size === null) problems.push('size');
  // Onboarding counts a dog only once it has a trait.
  if (state.traits.length === 0) problems.push('traits');
  return problems;
}

/** The request body; call only after validateDogForm found nothing. */
export function dogPayload(state: DogFormState): DogCreate {
  if (state.breed === null || state.size === null) throw new Error('validate the dog form first');
  // Breed and trait codes are picked from the server's own catalogues.
  return {
    name: state.name.trim(),
    breed: state.breed.code as BreedCode,
    size: state.size,
    photo_media_id: state.photo?.id ?? null,
    traits: state.traits as DogTraitCode[],
    muzzle: state.muzzle,
    barks: state.barks,
    mounts: state.mounts,
    energy_level: state.energyLevel,
    play_style: state.playStyle,
    vaccinated: state.vaccinated,
    registered: state.registered,
    public_fields: DOG_FIELDS.filter((field) => state.visible[field]),
  };
}
