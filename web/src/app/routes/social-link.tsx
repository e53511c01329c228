import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { ErrorState, LoadingState } from '@/components/ui/states';
import { LINK_TICKET_INVALID, useLinkTicket } from '@/features/auth/api/social';
import { SocialLinkForm } from '@/features/auth/components/social-link-form';
import { safeNextPath } from '@/features/auth/utils/next-path';
import { translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';

import './pages.css';

/**
 * /auth/link?ticket=…: a social login found an existing account with the same
 * e-mail; its owner consents to linking by entering that account's password.
 */
export function SocialLinkPage() {
  const { t, i18n } = useTranslation('auth');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ticket = params.get('ticket') ?? '';
  const ticketQuery = useLinkTicket(ticket);
  const [expired, setExpired] = useState(false);
  useDocumentTitle(t('link.title'));

  const invalidTicket =
    ticket === '' ||
    expired ||
    (isApiProblem(ticketQuery.error) && ticketQuery.error.code === LINK_TICKET_INVALID);

  if (invalidTicket || ticketQuery.isError) {
    return (
      <div className="page auth-page">
        <ErrorState
          title={invalidTicket ? t('link.invalidTitle') : undefined}
          message={invalidTicket ? t('link.invalidBody') : translateProblem(i18n, ticketQuery.error)}
        />
        <p className="page__footer">
          <Link to="/login" replace>
            {t('link.backToLogin')}
          </Link>
        </p>
      </div>
    );
  }

  if (ticketQuery.isPending) {
    return <LoadingState message={t('link.loading')} />;
  }

  const info = ticketQuery.data;
  return (
    <div className="page auth-page">
      <header className="page__header">
        <h1>{t('link.title')}</h1>
        <p>{t('link.explanation', { email: info.masked_email, provider: info.provider_name })}</p>
      </header>
      <div className="card">
        <p className="card-note">{t('link.consent', { provider: info.provider_name })}</p>
        <SocialLinkForm
          ticket={ticket}
          onLinked={(linked) => void navigate(safeNextPath(linked.next), { replace: true, flushSync: true })}
          onTicketInvalid={() => {
            setExpired(true);
          }}
        />
      </div>
      <p className="page__footer">
        <Link to="/login">{t('link.cancel')}</Link>
      </p>
    </div>
  );
}
