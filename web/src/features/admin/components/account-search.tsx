import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PersonIcon } from '@/components/icons/icons';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { useAccountAction, useAccountSearch, type AccountAction } from '../api/accounts';
import type { AdminAccount } from '../api/types';

import { AccountRow, type RowAction } from './account-row';
import { ReasonDialog } from './reason-dialog';
import './admin.css';

interface AccountSearchProps {
  /** The signed-in administrator's account id. */
  currentAccountId: string | null;
}

interface Pending {
  action: RowAction;
  account: AdminAccount;
}

/** Find accounts by e-mail or nickname; ban, unban and grant or revoke admin, each with a reason. */
export function AccountSearch({ currentAccountId }: AccountSearchProps) {
  const { t, i18n } = useTranslation('admin');
  const [query, setQuery] = useState('');
  const search = useDebouncedValue(query.trim(), 300);
  const accounts = useAccountSearch(search);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const change = useAccountAction({
    onDone: (account) => {
      if (pending !== null) setDone(t(`done.${pending.action}`, { nickname: account.nickname }));
      setPending(null);
    },
  });

  const confirm = (reason: string) => {
    if (pending === null) return;
    const { action, account } = pending;
    const request: AccountAction =
      action === 'grant' || action === 'revoke'
        ? { kind: action, accountId: account.id, reason, role: 'admin' }
        : { kind: action, accountId: account.id, reason };
    change.mutate(request);
  };

  const items = accounts.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="admin-section" aria-labelledby="admin-accounts-heading">
      <h2 id="admin-accounts-heading" className="admin-section__title">
        {t('accounts.title')}
      </h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <FormField
          label={t('accounts.searchLabel')}
          hint={t('accounts.searchHint')}
          type="search"
          value={query}
          maxLength={100}
          autoComplete="off"
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
      </form>
      <p className="admin-notice" role="status">
        {done}
      </p>

      {accounts.isPending ? (
        <LoadingState message={t('accounts.loading')} />
      ) : accounts.isError ? (
        <ErrorState
          title={t('accounts.loadError')}
          message={translateProblem(i18n, accounts.error)}
          onRetry={() => void accounts.refetch()}
          isRetrying={accounts.isFetching}
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<PersonIcon size={32} />}
          title={search === '' ? t('accounts.emptyTitle') : t('accounts.noMatchTitle')}
          message={search === '' ? t('accounts.emptyBody') : t('accounts.noMatchBody', { query: search })}
        />
      ) : (
        <>
          <ul className="admin-accounts" aria-label={t('accounts.listLabel')}>
            {items.map((account) => (
              <AccountRow
                key={account.id}
                account={account}
                isSelf={account.id === currentAccountId}
                onAction={(action, target) => {
                  change.reset();
                  setDone(null);
                  setPending({ action, account: target });
                }}
              />
            ))}
          </ul>
          {accounts.hasNextPage && (
            <Button variant="secondary" block isLoading={accounts.isFetchingNextPage} onClick={() => void accounts.fetchNextPage()}>
              {t('accounts.more')}
            </Button>
          )}
        </>
      )}

      {pending !== null && (
        <ReasonDialog
          title={t(`confirm.${pending.action}.title`, { nickname: pending.account.nickname })}
          message={t(`confirm.${pending.action}.body`, { nickname: pending.account.nickname })}
          confirmLabel={t(`confirm.${pending.action}.confirm`)}
          tone={pending.action === 'ban' ? 'danger' : 'default'}
          isPending={change.isPending}
          error={change.isError ? translateProblem(i18n, change.error) : null}
          onConfirm={confirm}
          onCancel={() => {
            setPending(null);
          }}
        />
      )}
    </section>
  );
}
