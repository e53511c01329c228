import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { getCurrentCoordinates } from '../utils/geolocation';

import { myProfileQueryKey } from './get-my-profile';
import type { NeighbourhoodClaim, NeighbourhoodRead } from './types';

export function verifyNeighbourhood(claim: NeighbourhoodClaim): Promise<NeighbourhoodRead> {
  return api.post<NeighbourhoodRead>('/api/v1/members/me/neighbourhood', claim);
}

/** Reads the device position, then asks the server to check it lies in the chosen 동. */
export function useVerifyNeighbourhood() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (regionCode: string) => {
      const { latitude, longitude } = await getCurrentCoordinates();
      return verifyNeighbourhood({ region_code: regionCode, latitude, longitude });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myProfileQueryKey }),
  });
}
