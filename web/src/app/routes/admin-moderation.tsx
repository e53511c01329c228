import { useParams } from 'react-router';

import { AppealQueue } from '@/features/trust/components/moderation/appeal-queue';
import { ModerationQueue } from '@/features/trust/components/moderation/moderation-queue';
import { ReportReview } from '@/features/trust/components/moderation/report-review';
import { SanctionsList } from '@/features/trust/components/moderation/sanctions-list';

/** 관리자 › 신고 검토: the queue, one report, the appeals, the sanctions. */
export function AdminModerationPage() {
  return <ModerationQueue />;
}

export function AdminReportPage() {
  const { reportId = '' } = useParams();
  return <ReportReview reportId={reportId} />;
}

export function AdminAppealsPage() {
  return <AppealQueue />;
}

export function AdminSanctionsPage() {
  return <SanctionsList />;
}
