import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';

import { apiBlob } from './api-client';

/**
 * An object URL for a file the server only gives with the access token (a report's
 * evidence is private to the reporter and administrators), revoked once unused.
 */
export function usePrivateMediaUrl(path: string | null) {
  const file = useQuery({
    queryKey: ['media-file', path],
    queryFn: ({ signal }) => apiBlob(path ?? '', { signal }),
    enabled: path !== null,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const blob = file.data;
  const src = useMemo(() => (blob === undefined ? null : URL.createObjectURL(blob)), [blob]);
  useEffect(
    () => () => {
      if (src !== null) URL.revokeObjectURL(src);
    },
    [src],
  );
  return { src, isLoading: file.isPending && path !== null, isError: file.isError };
}
