import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { LoginForm } from '@/features/auth/components/login-form';
import { SocialLoginButtons } from '@/features/auth/components/social-login-buttons';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  useDocumentTitle(t('login.title'));
  return (
    <div className="page auth-page">
      <header className="page__header">
        <h1>{t('login.title')}</h1>
        <p>{t('login.subtitle')}</p>
      </header>
      <div className="card">
        <LoginForm onSuccess={() => void navigate('/', { replace: true })} />
        <SocialLoginButtons />
      </div>
      <p className="page__footer">
        {t('login.noAccount')}
        <Link to="/signup">{t('login.toSignUp')}</Link>
      </p>
    </div>
  );
}
