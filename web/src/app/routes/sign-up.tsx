import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { SignUpForm } from '@/features/auth/components/sign-up-form';
import { SocialLoginButtons } from '@/features/auth/components/social-login-buttons';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

export function SignUpPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  useDocumentTitle(t('signup.title'));
  return (
    <div className="page auth-page">
      <header className="page__header">
        <h1>{t('signup.title')}</h1>
        <p>{t('signup.subtitle')}</p>
      </header>
      <div className="card">
        <SignUpForm onSuccess={() => void navigate('/', { replace: true })} />
        <SocialLoginButtons />
      </div>
      <p className="page__footer">
        {t('signup.haveAccount')}
        <Link to="/login">{t('signup.toLogin')}</Link>
      </p>
    </div>
  );
}
