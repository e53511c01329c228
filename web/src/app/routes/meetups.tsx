import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';

import { CheckInByCode } from '@/features/meetup/components/check-in-by-code';
import { MeetupDetailView } from '@/features/meetup/components/meetup-detail';
import { MeetupFinder } from '@/features/meetup/components/meetup-finder';
import { MeetupForm } from '@/features/meetup/components/meetup-form';
import { MyMeetups } from '@/features/meetup/components/my-meetups';
import { useMyProfile } from '@/features/member/api/get-my-profile';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

export function MeetupsPage() {
  const { t } = useTranslation('meetup');
  useDocumentTitle(t('title'));
  return (
    <div className="page">
      <BackHeader title={t('title')} lead={t('lead')} backTo="/" />
      <MeetupFinder />
    </div>
  );
}

export function MeetupNewPage() {
  const { t } = useTranslation('meetup');
  useDocumentTitle(t('newTitle'));
  return (
    <div className="page">
      <BackHeader title={t('newTitle')} backTo="/meetups" />
      <MeetupForm />
    </div>
  );
}

export function MyMeetupsPage() {
  const { t } = useTranslation('meetup');
  useDocumentTitle(t('mineTitle'));
  return (
    <div className="page">
      <BackHeader title={t('mineTitle')} backTo="/meetups" />
      <MyMeetups />
    </div>
  );
}

export function MeetupDetailPage() {
  const { t } = useTranslation('meetup');
  const { meetupId = '' } = useParams();
  const me = useMyProfile();
  useDocumentTitle(t('title'));
  return (
    <div className="page">
      <BackHeader title={t('title')} backTo="/meetups" />
      <MeetupDetailView key={meetupId} meetupId={meetupId} myId={me.data?.id ?? null} />
    </div>
  );
}

/** Where the host's QR code leads (/meetups/:id/check-in?code=…). */
export function MeetupCheckInPage() {
  const { t } = useTranslation('meetup');
  const { meetupId = '' } = useParams();
  const [params] = useSearchParams();
  useDocumentTitle(t('checkInTitle'));
  return (
    <div className="page">
      <BackHeader title={t('checkInTitle')} backTo={`/meetups/${meetupId}`} />
      <CheckInByCode meetupId={meetupId} code={params.get('code') ?? ''} />
    </div>
  );
}
