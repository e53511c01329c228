import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { AlertIcon, PawIcon } from '../icons/icons';

import { Button } from './button';
import { Spinner } from './spinner';
import './states.css';

interface LoadingStateProps {
  /** Visible text under the spinner; defaults to "불러오는 중…". */
  message?: string;
}

export function LoadingState({ message }: LoadingStateProps) {
  const { t } = useTranslation('common');
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="state__spinner">
        <Spinner size="lg" />
      </span>
      <p className="state__body">{message ?? t('status.loading')}</p>
    </div>
  );
}

interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
  isRetrying?: boolean;
}

export function ErrorState({ title, message, onRetry, isRetrying = false }: ErrorStateProps) {
  const { t } = useTranslation('common');
  return (
    <div className="state state--error" role="alert">
      <span className="state__icon state__icon--error">
        <AlertIcon size={32} />
      </span>
      <h2 className="state__title">{title ?? t('status.errorTitle')}</h2>
      <p className="state__body">{message}</p>
      {onRetry !== undefined && (
        <Button variant="secondary" onClick={onRetry} isLoading={isRetrying}>
          {t('status.retry')}
        </Button>
      )}
    </div>
  );
}

interface EmptyStateProps {
  title: string;
  message?: string;
  icon?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, message, icon, action }: EmptyStateProps) {
  return (
    <div className="state">
      <span className="state__icon">{icon ?? <PawIcon size={36} />}</span>
      <h2 className="state__title">{title}</h2>
      {message !== undefined && <p className="state__body">{message}</p>}
      {action}
    </div>
  );
}
