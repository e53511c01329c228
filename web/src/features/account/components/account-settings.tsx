import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useMyAccount } from '../api/account';

import { AccountOverview } from './account-overview';
import { DeleteAccount } from './delete-account';
import { NicknameForm } from './nickname-form';
import { PasswordForm } from './password-form';
import './account.css';

interface AccountSettingsProps {
  /** Called after the account is deleted; the caller ends the session. */
  onDeleted: () => void;
}

/** 계정 설정: login methods, nickname, password (when there is one) and deletion. */
export function AccountSettings({ onDeleted }: AccountSettingsProps) {
  const { t, i18n } = useTranslation('account');
  const account = useMyAccount();

  if (account.isPending) return <LoadingState message={t('loading')} />;

  if (account.isError) {
    return (
      <ErrorState
        title={t('loadError')}
        message={translateProblem(i18n, account.error)}
        onRetry={() => void account.refetch()}
        isRetrying={account.isFetching}
      />
    );
  }

  const me = account.data;
  return (
    <div className="account-settings">
      <AccountOverview account={me} />
      <NicknameForm account={me} />
      {me.has_password && <PasswordForm />}
      <DeleteAccount account={me} onDeleted={onDeleted} />
    </div>
  );
}
