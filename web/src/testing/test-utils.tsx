import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { createAppI18n } from '@/app/i18n';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';

// As react-router/dom passes it in the app, so `flushSync` navigations commit at once.
const syncFlush = (fn: () => unknown): undefined => {
  flushSync(fn);
  return undefined;
};

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}

/** Renders the whole app (providers + routes) at `url`, like a fresh page load. */
export function renderApp(url = '/') {
  const queryClient = createTestQueryClient();
  const i18n = createAppI18n();
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} flushSync={syncFlush} />
    </AppProvider>,
  );
  return { ...result, user, router, queryClient, i18n };
}

/** Renders one component inside the app's providers and a router. */
export function renderWithProviders(ui: ReactElement, { url = '/' }: { url?: string } = {}) {
  const queryClient = createTestQueryClient();
  const i18n = createAppI18n();
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [url] });
  const user = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} flushSync={syncFlush} />
    </AppProvider>,
  );
  return { ...result, user, router, queryClient, i18n };
}

export { screen };
