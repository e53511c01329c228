import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MediaAttachments } from '@/components/media/media-attachments';
import type { MediaItem } from '@/components/media/media-preview';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';

import { useFileReport, usePrefilledMember } from '../api/reports';
import type { MemberSuggestion, ReportType } from '../api/types';
import { reportProblemMessage } from '../utils/problem-message';
import { isReportType, REPORT_TYPES } from '../utils/report-types';

import { MemberPicker } from './member-picker';
import './trust.css';

const DESCRIPTION_MAX = 2000;

type Missing = Partial<Record<'member' | 'type' | 'description', string>>;

/**
 * 신고하기: who (by nickname), what kind, what happened, and photos or videos as evidence.
 * `initialDescription` starts the description with the reported content (a board post's
 * or comment's 신고 attaches it).
 */
export function ReportForm({ initialNickname, initialDescription = '' }: { initialNickname: string; initialDescription?: string }) {
  const { t, i18n } = useTranslation('trust');
  const descriptionId = useId();
  const report = useFileReport();
  const prefilled = usePrefilledMember(initialNickname);
  const [picked, setPicked] = useState<MemberSuggestion | null>(null);
  const member = picked ?? prefilled.member;
  const setMember = (next: MemberSuggestion | null) => {
    prefilled.dismiss();
    setPicked(next);
  };
  const [type, setType] = useState<ReportType | ''>('');
  const [description, setDescription] = useState(initialDescription);
  const [evidence, setEvidence] = useState<readonly MediaItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [missing, setMissing] = useState<Missing>({});

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Missing = {};
    if (member === null) next.member = t('report.required.member');
    if (type === '') next.type = t('report.required.type');
    if (description.trim() === '') next.description = t('report.required.description');
    setMissing(next);
    if (member === null || type === '' || Object.keys(next).length > 0 || uploading) return;
    report.mutate({
      reported_member_id: member.id,
      report_type: type,
      description: description.trim(),
      evidence_media_ids: evidence.map((item) => item.id),
    });
  }

  if (report.isSuccess) {
    return (
      <section className="card trust-success" role="status" aria-labelledby="report-sent-title">
        <h2 id="report-sent-title" className="trust-success__title">
          {t('report.sentTitle')}
        </h2>
        <p>{t('report.sentBody')}</p>
        {report.data.merged && <p>{t('report.sentMerged')}</p>}
        <div className="trust-actions">
          <Link to="/reports" className="button button--primary">
            {t('report.toMine')}
          </Link>
          <Button
            variant="ghost"
            onClick={() => {
              report.reset();
              setMember(null);
              setType('');
              setDescription('');
              setEvidence([]);
            }}
          >
            {t('report.another')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <form className="card trust-form" onSubmit={submit} noValidate aria-label={t('report.title')}>
      {report.isError && <FormAlert message={reportProblemMessage(i18n, report.error)} />}
      <MemberPicker
        value={member}
        onChange={setMember}
        initialNickname={initialNickname}
        prefillMissing={prefilled.missing}
        error={missing.member}
      />
      <SelectField
        label={t('report.type')}
        value={type}
        onChange={(event) => setType(isReportType(event.target.value) ? event.target.value : '')}
        options={[
          { value: '', label: t('report.typePlaceholder') },
          ...REPORT_TYPES.map((code) => ({ value: code, label: t(`type.${code}`) })),
        ]}
        error={missing.type}
        required
      />
      <div className="trust-field">
        <label className="trust-field__label" htmlFor={descriptionId}>
          {t('report.description')}
        </label>
        <textarea
          id={descriptionId}
          className="trust-field__textarea"
          value={description}
          maxLength={DESCRIPTION_MAX}
          required
          aria-invalid={missing.description !== undefined}
          aria-describedby={`${descriptionId}-hint${missing.description === undefined ? '' : ` ${descriptionId}-error`}`}
          onChange={(event) => setDescription(event.target.value)}
        />
        <p id={`${descriptionId}-hint`} className="trust-field__hint">
          {t('report.descriptionHint', { count: description.length, max: DESCRIPTION_MAX })}
        </p>
        {missing.description !== undefined && (
          <p id={`${descriptionId}-error`} className="trust-field__error">
            {missing.description}
          </p>
        )}
      </div>
      <MediaAttachments
        label={t('report.evidence')}
        purpose="report_evidence"
        value={evidence}
        onChange={setEvidence}
        hint={t('report.evidenceHint')}
        onBusyChange={setUploading}
      />
      {uploading && <p className="trust-field__hint">{t('report.waitUploads')}</p>}
      <Button type="submit" block isLoading={report.isPending} disabled={uploading}>
        {t('report.submit')}
      </Button>
    </form>
  );
}
