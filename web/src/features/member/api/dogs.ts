import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { myProfileQueryKey } from './get-my-profile';
import type { DogCreate, DogRead, DogUpdate } from './types';

const DOGS_PATH = '/api/v1/members/me/dogs';

export function createDog(dog: DogCreate): Promise<DogRead> {
  return api.post<DogRead>(DOGS_PATH, dog);
}

export function updateDog(dogId: string, changes: DogUpdate): Promise<DogRead> {
  return api.patch<DogRead>(`${DOGS_PATH}/${encodeURIComponent(dogId)}`, changes);
}

export function deleteDog(dogId: string): Promise<void> {
  return api.delete<undefined>(`${DOGS_PATH}/${encodeURIComponent(dogId)}`);
}

/** Dogs live inside the profile, so every change refetches it. */
function useRefetchProfile() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: myProfileQueryKey });
}

export function useCreateDog() {
  const refetch = useRefetchProfile();
  return useMutation({ mutationFn: createDog, onSuccess: refetch });
}

export function useUpdateDog() {
  const refetch = useRefetchProfile();
  return useMutation({
    mutationFn: ({ dogId, changes }: { dogId: string; changes: DogUpdate }) => updateDog(dogId, changes),
    onSuccess: refetch,
  });
}

export function useDeleteDog() {
  const refetch = useRefetchProfile();
  return useMutation({ mutationFn: deleteDog, onSuccess: refetch });
}
