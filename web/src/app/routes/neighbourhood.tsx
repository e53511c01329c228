import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useMyProfile } from '@/features/member/api/get-my-profile';
import { NeighbourhoodForm } from '@/features/member/components/neighbourhood/neighbourhood-form';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

/** 다시 인증: the same check as in onboarding, from 내정보. */
export function NeighbourhoodPage() {
  const { t } = useTranslation('member');
  const navigate = useNavigate();
  const profile = useMyProfile();
  useDocumentTitle(t('neighbourhood.pageTitle'));
  return (
    <div className="page">
      <BackHeader title={t('neighbourhood.pageTitle')} lead={t('neighbourhood.pageLead')} backTo="/me" />
      <NeighbourhoodForm
        current={profile.data?.neighbourhood ?? null}
        onVerified={() => void navigate('/me')}
      />
    </div>
  );
}
