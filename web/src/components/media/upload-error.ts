import type { i18n as I18n } from 'i18next';

import { translateProblem } from '@/lib/i18n';
import { isApiProblem } from '@/lib/problem';

/** What to tell the member about a failed upload, in their language. */
export function uploadErrorMessage(i18n: I18n, problem: unknown): string {
  // A proxy may answer 413/415 without a problem body; the status alone says enough.
  if (isApiProblem(problem) && problem.code === 'unknown') {
    if (problem.status === 413) return i18n.t('common:errors.media.too_large');
    if (problem.status === 415) return i18n.t('common:errors.media.unsupported_type');
  }
  return translateProblem(i18n, problem);
}
