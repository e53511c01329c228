import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useAuditEntries } from '../api/audit';
import type { AuditEntry } from '../api/types';
import { formatDateTime } from '../utils/format';

import './admin.css';

function actorName(entry: AuditEntry, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (entry.actor_account_id === null) return t('audit.commandLine', { label: entry.actor_label });
  return entry.actor_nickname ?? t('audit.deletedAccount');
}

/** Every grant, revoke, ban and unban: who did it, to whom, when and why; newest first. */
export function AuditLog() {
  const { t, i18n } = useTranslation('admin');
  const audit = useAuditEntries();

  if (audit.isPending) return <LoadingState message={t('audit.loading')} />;
  if (audit.isError) {
    return (
      <ErrorState
        title={t('audit.loadError')}
        message={translateProblem(i18n, audit.error)}
        onRetry={() => void audit.refetch()}
        isRetrying={audit.isFetching}
      />
    );
  }
  const entries = audit.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) return <EmptyState title={t('audit.emptyTitle')} message={t('audit.emptyBody')} />;

  return (
    <section className="admin-section" aria-labelledby="admin-audit-heading">
      <h2 id="admin-audit-heading" className="admin-section__title">
        {t('audit.title')}
      </h2>
      <ol className="admin-audit" aria-label={t('audit.listLabel')}>
        {entries.map((entry) => (
          <li key={entry.id} className="admin-audit__entry">
            <p className="admin-audit__what">
              {t(`audit.action.${entry.action}`, {
                target: entry.target_nickname ?? t('audit.deletedAccount'),
                role: entry.role === null ? '' : t(`role.${entry.role}`),
              })}
            </p>
            <p className="admin-audit__reason">
              <span className="visually-hidden">{t('audit.reason')}: </span>“{entry.reason}”
            </p>
            <p className="admin-audit__meta">
              {actorName(entry, t)} · <time dateTime={entry.created_at}>{formatDateTime(entry.created_at, i18n.language)}</time>
            </p>
          </li>
        ))}
      </ol>
      {audit.hasNextPage && (
        <Button variant="secondary" block isLoading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
          {t('audit.more')}
        </Button>
      )}
    </section>
  );
}
