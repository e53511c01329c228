import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/badge';

import type { MyAccount } from '../api/account';

interface AccountOverviewProps {
  account: MyAccount;
}

/** How the member logs in: e-mail (if any) and the linked social accounts. */
export function AccountOverview({ account }: AccountOverviewProps) {
  const { t } = useTranslation('account');
  return (
    <section className="card account-section" aria-labelledby="account-login-heading">
      <h2 id="account-login-heading" className="account-section__title">
        {t('overview.heading')}
      </h2>
      <dl className="account-facts">
        <div className="account-facts__row">
          <dt>{t('overview.email')}</dt>
          <dd>{account.email ?? t('overview.noEmail')}</dd>
        </div>
        <div className="account-facts__row">
          <dt>{t('overview.social')}</dt>
          <dd>
            {account.social_providers.length === 0 ? (
              t('overview.noSocial')
            ) : (
              <ul className="account-providers" aria-label={t('overview.social')}>
                {account.social_providers.map((provider) => (
                  <li key={provider}>
                    <Badge tone="neutral">{t(`providers.${provider}`, { defaultValue: provider })}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
