import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { myProfileQueryKey } from './get-my-profile';
import type { MyProfile, ProfileUpdate } from './types';

export function updateMyProfile(changes: ProfileUpdate): Promise<MyProfile> {
  return api.patch<MyProfile>('/api/v1/members/me', changes);
}

export function useUpdateMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMyProfile,
    onSuccess: (profile) => {
      queryClient.setQueryData(myProfileQueryKey, profile);
    },
  });
}
