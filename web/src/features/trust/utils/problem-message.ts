import type { i18n as I18n } from 'i18next';

import { translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';

import { formatDate, suspensionEnd } from './suspension';

/**
 * The message for a refused trust action: a suspension says until when; every other
 * problem code is translated (`errors.<code>`), falling back to the server's text.
 */
export function trustProblemMessage(i18n: I18n, error: unknown): string {
  const end = suspensionEnd(error);
  if (end === undefined) return translateProblem(i18n, error);
  if (end === null) return i18n.t('trust:suspension.bodyNoDate');
  return i18n.t('trust:suspension.body', { until: formatDate(end, i18n.language) });
}

/** As above, and the per-reporter limit is worded for reports. */
export function reportProblemMessage(i18n: I18n, error: unknown): string {
  if (isApiProblem(error) && error.code === 'rate_limited' && error.retryAfter !== undefined) {
    return i18n.t('trust:report.rateLimited', { seconds: error.retryAfter });
  }
  return trustProblemMessage(i18n, error);
}
