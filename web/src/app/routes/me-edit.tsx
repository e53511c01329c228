import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { LoadingState } from '@/components/ui/states';
import { useMyProfile } from '@/features/member/api/get-my-profile';
import { ProfileForm } from '@/features/member/components/profile/profile-form';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

export function MeEditPage() {
  const { t } = useTranslation('member');
  const navigate = useNavigate();
  const profile = useMyProfile();
  useDocumentTitle(t('profile.editTitle'));
  return (
    <div className="page">
      <BackHeader title={t('profile.editTitle')} backTo="/me" />
      {profile.data === undefined ? (
        <LoadingState />
      ) : (
        <ProfileForm
          profile={profile.data}
          submitLabel={t('dogs.save')}
          secondaryAction={
            <Link to="/me" className="button button--secondary">
              {t('common:actions.cancel')}
            </Link>
          }
          onSaved={() => void navigate('/me')}
        />
      )}
    </div>
  );
}
