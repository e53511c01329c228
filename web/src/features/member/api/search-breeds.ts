// The breed catalogue lives in lib/ so features other than member can name a dog's breed.
export { breedName, breedsQueryOptions, searchBreeds, useBreedCatalogue, useBreedSearch } from '@/lib/breeds';
