import { AccountSearch } from '@/features/admin/components/account-search';
import { useSession } from '@/features/auth/api/refresh';

export function AdminAccountsPage() {
  const session = useSession();
  return <AccountSearch currentAccountId={session.data?.account_id ?? null} />;
}
