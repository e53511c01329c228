import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/badge';

import type { ReportStatus } from '../api/types';

const TONES = {
  received: 'neutral',
  in_review: 'warning',
  resolved: 'positive',
  dismissed: 'danger',
} as const satisfies Record<ReportStatus, 'neutral' | 'positive' | 'warning' | 'danger'>;

/** 접수 / 검토 중 / 처리됨 / 기각, each in its own colour (and always in words). */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation('trust');
  return <Badge tone={TONES[status]}>{t(`status.${status}`)}</Badge>;
}
