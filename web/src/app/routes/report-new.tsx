import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ReportForm } from '@/features/trust/components/report-form';
import { useDocumentTitle } from '@/lib/use-document-title';

import { BackHeader } from './back-header';
import './pages.css';

/**
 * /reports/new?member=<nickname>&about=<text> — the member card's 신고하기 fills the nickname
 * in; a board post's or comment's 신고 also attaches the content (`about`).
 */
export function ReportNewPage() {
  const { t } = useTranslation('trust');
  const [params] = useSearchParams();
  useDocumentTitle(t('report.title'));
  return (
    <div className="page">
      <BackHeader title={t('report.title')} lead={t('report.lead')} backTo="/reports" />
      <ReportForm initialNickname={params.get('member') ?? ''} initialDescription={params.get('about') ?? ''} />
      <p className="page__footer">
        <Link to="/reports">{t('mine.link')}</Link>
      </p>
    </div>
  );
}
