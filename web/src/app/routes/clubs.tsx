import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { LoadingState } from '@/components/ui/states';
import { ClubCreateForm } from '@/features/club/components/club-create-form';
import { ClubFinder } from '@/features/club/components/club-finder';
import { ClubPage } from '@/features/club/components/club-page';
import { useMyProfile } from '@/features/member/api/get-my-profile';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

export function ClubsPage() {
  const { t } = useTranslation('club');
  useDocumentTitle(t('title'));
  const profile = useMyProfile();
  return (
    <div className="page">
      <ClubFinder regionCode={profile.data?.neighbourhood?.code ?? null} />
    </div>
  );
}

export function ClubNewPage() {
  const { t } = useTranslation('club');
  useDocumentTitle(t('create'));
  const profile = useMyProfile();
  return (
    <div className="page">
      <BackHeader title={t('create')} backTo="/clubs" />
      <ClubCreateForm regionName={profile.data?.neighbourhood?.full_name ?? null} />
    </div>
  );
}

export function ClubDetailPage() {
  const { t } = useTranslation('club');
  useDocumentTitle(t('title'));
  const { clubId = '' } = useParams();
  const profile = useMyProfile();
  return (
    <div className="page">
      <BackHeader title={t('title')} backTo="/clubs" />
      {profile.data === undefined ? <LoadingState /> : <ClubPage clubId={clubId} meId={profile.data.id} />}
    </div>
  );
}
