import type { LabelRead } from '../api/types';

/** A catalogue entry's name in the UI language (Korean unless English is chosen). */
export function localName(entry: Pick<LabelRead, 'ko' | 'en'>, language: string): string {
  return language.startsWith('en') ? entry.en : entry.ko;
}

/** Names for trait codes, in the catalogue's order; unknown codes are skipped. */
export function traitNames(codes: readonly string[], catalogue: readonly LabelRead[], language: string): string[] {
  return catalogue.filter((trait) => codes.includes(trait.code)).map((trait) => localName(trait, language));
}
