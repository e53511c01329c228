import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { EmptyState, LoadingState } from '@/components/ui/states';
import { useMyProfile } from '@/features/member/api/get-my-profile';
import { DogForm } from '@/features/member/components/dogs/dog-form';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

function CancelLink() {
  const { t } = useTranslation('common');
  return (
    <Link to="/me" className="button button--secondary">
      {t('actions.cancel')}
    </Link>
  );
}

export function DogNewPage() {
  const { t } = useTranslation('member');
  const navigate = useNavigate();
  useDocumentTitle(t('dogs.addTitle'));
  return (
    <div className="page">
      <BackHeader title={t('dogs.addTitle')} backTo="/me" />
      <DogForm submitLabel={t('dogs.save')} secondaryAction={<CancelLink />} onSaved={() => void navigate('/me')} />
    </div>
  );
}

export function DogEditPage() {
  const { t } = useTranslation('member');
  const navigate = useNavigate();
  const { dogId } = useParams();
  const profile = useMyProfile();
  const dog = profile.data?.dogs.find((candidate) => candidate.id === dogId);
  const title = dog === undefined ? t('dogs.addTitle') : t('dogs.editTitle', { name: dog.name });
  useDocumentTitle(title);

  if (profile.data === undefined) return <LoadingState />;
  if (dog === undefined) {
    return (
      <div className="page">
        <BackHeader title={t('dogs.title')} backTo="/me" />
        <EmptyState title={t('dogs.notFound')} />
      </div>
    );
  }
  return (
    <div className="page">
      <BackHeader title={title} backTo="/me" />
      <DogForm dog={dog} submitLabel={t('dogs.save')} secondaryAction={<CancelLink />} onSaved={() => void navigate('/me')} />
    </div>
  );
}
