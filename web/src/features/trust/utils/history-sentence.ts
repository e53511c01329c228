import type { TFunction } from 'i18next';

import type { ReportType } from '../api/types';

/** +3, −5 (a real minus sign, as people write it), ±0. */
export function signedAmount(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${Math.abs(delta)}`;
  return '±0';
}

/** What a sentence needs of a change: the member's history and the moderators' view both have it. */
export interface ChangeFacts {
  cause_kind: string;
  delta: number;
  score_after: number;
  stars?: number | null;
  report_type: ReportType | null;
}

/** One plain sentence per change, e.g. "번개 후기 별 5개를 받아 +3". */
export function historySentence(t: TFunction, change: ChangeFacts): string {
  const amount = signedAmount(change.delta);
  switch (change.cause_kind) {
    case 'review':
      return t('trust:history.cause.review', { stars: change.stars ?? 0, amount });
    case 'no_show':
      return t('trust:history.cause.no_show', { amount });
    case 'report_upheld':
      return change.report_type === null
        ? t('trust:history.cause.report_upheld_untyped', { amount })
        : t('trust:history.cause.report_upheld', { type: t(`trust:type.${change.report_type}`), amount });
    case 'appeal_reversal':
      return t('trust:history.cause.appeal_reversal', { amount });
    case 'suspension_end':
      return t('trust:history.cause.suspension_end', { after: change.score_after });
    default:
      return t('trust:history.cause.other', { amount });
  }
}
