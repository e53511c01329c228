import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';

import type { AdminAccount } from '../api/types';
import { formatDateTime } from '../utils/format';

export type RowAction = 'ban' | 'unban' | 'grant' | 'revoke';

interface AccountRowProps {
  account: AdminAccount;
  /** The signed-in administrator: they cannot ban themselves or drop their own admin role. */
  isSelf: boolean;
  onAction: (action: RowAction, account: AdminAccount) => void;
}

/** One account as administrators see it: who, status, roles and what can be done. */
export function AccountRow({ account, isSelf, onAction }: AccountRowProps) {
  const { t, i18n } = useTranslation('admin');
  const isAdmin = account.roles.includes('admin');
  const banned = account.status === 'banned';
  const headingId = `account-${account.id}`;

  return (
    <li className="admin-account" aria-labelledby={headingId}>
      <div className="admin-account__head">
        <h3 id={headingId} className="admin-account__name">
          {account.nickname}
          {isSelf && <span className="admin-account__self"> {t('accounts.you')}</span>}
        </h3>
        <Badge tone={banned ? 'danger' : 'positive'}>{t(`status.${account.status}`)}</Badge>
      </div>
      <p className="admin-account__email">{account.email ?? t('accounts.noEmail')}</p>
      <dl className="admin-account__facts">
        <div>
          <dt>{t('accounts.roles')}</dt>
          <dd className="admin-account__roles">
            {account.roles.map((role) => (
              <Badge key={role} tone={role === 'member' ? 'neutral' : 'warning'}>
                {t(`role.${role}`)}
              </Badge>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('accounts.joined')}</dt>
          <dd>{formatDateTime(account.created_at, i18n.language)}</dd>
        </div>
        {account.banned_at !== null && (
          <div>
            <dt>{t('accounts.bannedAt')}</dt>
            <dd>{formatDateTime(account.banned_at, i18n.language)}</dd>
          </div>
        )}
      </dl>
      <div className="admin-account__actions">
        {banned ? (
          <Button
            variant="secondary"
            aria-label={t('actions.unbanNamed', { nickname: account.nickname })}
            onClick={() => {
              onAction('unban', account);
            }}
          >
            {t('actions.unban')}
          </Button>
        ) : (
          <Button
            variant="secondary"
            className="admin-account__danger"
            disabled={isSelf}
            aria-label={t('actions.banNamed', { nickname: account.nickname })}
            onClick={() => {
              onAction('ban', account);
            }}
          >
            {t('actions.ban')}
          </Button>
        )}
        {isAdmin ? (
          <Button
            variant="secondary"
            disabled={isSelf}
            aria-label={t('actions.revokeNamed', { nickname: account.nickname })}
            onClick={() => {
              onAction('revoke', account);
            }}
          >
            {t('actions.revoke')}
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={banned}
            aria-label={t('actions.grantNamed', { nickname: account.nickname })}
            onClick={() => {
              onAction('grant', account);
            }}
          >
            {t('actions.grant')}
          </Button>
        )}
      </div>
    </li>
  );
}
