import { useTranslation } from 'react-i18next';

import { AppShell } from '@/components/layout/app-shell';
import { ErrorState } from '@/components/ui/states';

/** Last resort when rendering a route throws. */
export function RouteError() {
  const { t } = useTranslation('common');
  return (
    <AppShell withNav={false}>
      <ErrorState
        message={t('errors.unknown')}
        onRetry={() => {
          window.location.reload();
        }}
      />
    </AppShell>
  );
}
