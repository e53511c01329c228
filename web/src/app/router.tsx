import { createBrowserRouter, type RouteObject } from 'react-router';

import { AccountPage } from './routes/account';
import { AdminAccountsPage } from './routes/admin-accounts';
import { AdminAuditPage } from './routes/admin-audit';
import { AdminHospitalsPage } from './routes/admin-hospitals';
import { AdminLayout } from './routes/admin-layout';
import { AdminAppealsPage, AdminModerationPage, AdminReportPage, AdminSanctionsPage } from './routes/admin-moderation';
import { AppLayout } from './routes/app-layout';
import { BlocksPage } from './routes/blocks';
import { BoardEditPage, BoardPostPage, BoardsPage, BoardWritePage } from './routes/boards';
import { ClubDetailPage, ClubNewPage, ClubsPage } from './routes/clubs';
import { DogEditPage, DogNewPage } from './routes/dog-edit';
import { FriendsPage } from './routes/friends';
import { GuestLayout } from './routes/guest-layout';
import { HomePage } from './routes/home';
import { HospitalsPage } from './routes/hospitals';
import { HospitalsEmergencyPage } from './routes/hospitals-emergency';
import { LoginPage } from './routes/login';
import { MePage } from './routes/me';
import { MeEditPage } from './routes/me-edit';
import { MeetupCheckInPage, MeetupDetailPage, MeetupNewPage, MeetupsPage, MyMeetupsPage } from './routes/meetups';
import { MemberCardPage } from './routes/member-card';
import { MyReportsPage } from './routes/my-reports';
import { NeighbourhoodPage } from './routes/neighbourhood';
import { NotFoundPage } from './routes/not-found';
import { OnboardingPage } from './routes/onboarding';
import { ReportNewPage } from './routes/report-new';
import { RouteError } from './routes/route-error';
import { SessionLayout } from './routes/session-layout';
import { SignUpPage } from './routes/sign-up';
import { SocialLinkPage } from './routes/social-link';
import { TrustHistoryPage } from './routes/trust-history';

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <SessionLayout />,
        children: [
          { path: 'onboarding', element: <OnboardingPage /> },
          {
            // 관리자: guarded by the token's admin role, not by onboarding.
            path: 'admin',
            element: <AdminLayout />,
            children: [
              { index: true, element: <AdminAccountsPage /> },
              { path: 'audit', element: <AdminAuditPage /> },
              { path: 'hospitals', element: <AdminHospitalsPage /> },
              { path: 'moderation', element: <AdminModerationPage /> },
              { path: 'moderation/reports/:reportId', element: <AdminReportPage /> },
              { path: 'moderation/appeals', element: <AdminAppealsPage /> },
              { path: 'moderation/sanctions', element: <AdminSanctionsPage /> },
            ],
          },
          {
            // The onboarding gate: everything below needs a finished onboarding.
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'meetups', element: <MeetupsPage /> },
              { path: 'meetups/new', element: <MeetupNewPage /> },
              { path: 'meetups/mine', element: <MyMeetupsPage /> },
              { path: 'meetups/:meetupId', element: <MeetupDetailPage /> },
              { path: 'meetups/:meetupId/check-in', element: <MeetupCheckInPage /> },
              { path: 'clubs', element: <ClubsPage /> },
              { path: 'clubs/new', element: <ClubNewPage /> },
              { path: 'clubs/:clubId', element: <ClubDetailPage /> },
              { path: 'boards', element: <BoardsPage /> },
              { path: 'boards/write', element: <BoardWritePage /> },
              { path: 'boards/posts/:postId', element: <BoardPostPage /> },
              { path: 'boards/posts/:postId/edit', element: <BoardEditPage /> },
              { path: 'hospitals', element: <HospitalsPage /> },
              { path: 'hospitals/emergency', element: <HospitalsEmergencyPage /> },
              { path: 'me', element: <MePage /> },
              { path: 'me/edit', element: <MeEditPage /> },
              { path: 'me/dogs/new', element: <DogNewPage /> },
              { path: 'me/dogs/:dogId/edit', element: <DogEditPage /> },
              { path: 'me/neighbourhood', element: <NeighbourhoodPage /> },
              { path: 'me/account', element: <AccountPage /> },
              { path: 'members/:id', element: <MemberCardPage /> },
              { path: 'friends', element: <FriendsPage /> },
              { path: 'blocks', element: <BlocksPage /> },
              { path: 'me/trust-history', element: <TrustHistoryPage /> },
              { path: 'reports', element: <MyReportsPage /> },
              { path: 'reports/new', element: <ReportNewPage /> },
            ],
          },
        ],
      },
      {
        element: <GuestLayout />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'signup', element: <SignUpPage /> },
          { path: 'auth/link', element: <SocialLinkPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
