import { createBrowserRouter, type RouteObject } from 'react-router';

import { AppLayout } from './routes/app-layout';
import { ComingSoonPage } from './routes/coming-soon';
import { GuestLayout } from './routes/guest-layout';
import { HomePage } from './routes/home';
import { LoginPage } from './routes/login';
import { MePage } from './routes/me';
import { NotFoundPage } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { SignUpPage } from './routes/sign-up';

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'meetups', element: <ComingSoonPage section="meetups" /> },
          { path: 'clubs', element: <ComingSoonPage section="clubs" /> },
          { path: 'boards', element: <ComingSoonPage section="boards" /> },
          { path: 'me', element: <MePage /> },
        ],
      },
      {
        element: <GuestLayout />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'signup', element: <SignUpPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
