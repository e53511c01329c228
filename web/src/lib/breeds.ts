import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, type Schemas } from '@/lib/api-client';

// The member service's breed catalogue (a public read): the member feature's dog forms
// search it, and any feature that shows a dog names its breed code with it.
export type Breed = Schemas['LabelRead'];

export function searchBreeds(query: string, { signal }: { signal?: AbortSignal } = {}): Promise<Breed[]> {
  const params = new URLSearchParams({ q: query });
  return api.get<Breed[]>(`/api/v1/breeds?${params.toString()}`, { signal });
}

export function breedsQueryOptions(query: string) {
  return queryOptions({
    queryKey: ['member', 'breeds', query] as const,
    queryFn: ({ signal }) => searchBreeds(query, { signal }),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/** Breeds matching the (debounced) query (초성 works: "ㅁㅌ" finds 말티즈). */
export function useBreedSearch(query: string) {
  return useQuery(breedsQueryOptions(query.trim()));
}

/** Every breed, common ones first (an empty search); used to name breed codes. */
export function useBreedCatalogue() {
  return useQuery(breedsQueryOptions(''));
}

export function breedName(code: string | null | undefined, breeds: readonly Breed[] | undefined, language: string) {
  if (code === null || code === undefined) return null;
  const breed = breeds?.find((entry) => entry.code === code);
  if (breed === undefined) return null;
  return language.startsWith('en') ? breed.en : breed.ko;
}
