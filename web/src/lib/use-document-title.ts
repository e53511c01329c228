import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `document.title` to "<page> · 멍모" in the current language. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation('common');
  const title = t('app.documentTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
