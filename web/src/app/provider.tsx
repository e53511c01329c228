import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

import { registerSessionHandlers } from '@/features/auth/api/session';
import { watchSuspensions } from '@/features/trust/api/suspension';

import { createAppI18n } from './i18n';
import { createQueryClient } from './query-client';

interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own instances. */
  queryClient?: QueryClient;
  i18n?: I18n;
}

export function AppProvider({ children, queryClient, i18n }: AppProviderProps) {
  const [client] = useState(() => {
    const created = queryClient ?? createQueryClient();
    registerSessionHandlers(created);
    watchSuspensions(created);
    return created;
  });
  const [translations] = useState(() => i18n ?? createAppI18n());
  return (
    <I18nextProvider i18n={translations}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
