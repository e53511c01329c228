import type { DogField, DogSize, Gender, PlayStyle } from './types';

export const GENDERS: readonly Gender[] = ['female', 'male', 'other', 'undisclosed'];
export const DOG_SIZES: readonly DogSize[] = ['small', 'medium', 'large'];
export const PLAY_STYLES: readonly PlayStyle[] = ['chase', 'wrestle', 'sniff', 'fetch', 'gentle'];
export const DOG_FLAGS = ['muzzle', 'barks', 'mounts'] as const;

/** Every dog attribute with its own 공개/비공개 switch. */
export const DOG_FIELDS: readonly DogField[] = [
  'name',
  'breed',
  'size',
  'photo',
  'traits',
  'muzzle',
  'barks',
  'mounts',
  'energy_level',
  'play_style',
  'vaccinated',
  'registered',
];

/** The server's defaults: behaviour flags and health records start private. */
export const DEFAULT_PUBLIC_DOG_FIELDS: readonly DogField[] = [
  'name',
  'breed',
  'size',
  'photo',
  'traits',
  'energy_level',
  'play_style',
];
