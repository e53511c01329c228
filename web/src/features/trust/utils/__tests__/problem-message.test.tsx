import { describe, expect, it } from 'vitest';

import { ApiProblem } from '@/lib/problem';
import { renderWithProviders } from '@/testing/test-utils';

import { reportProblemMessage, trustProblemMessage } from '../problem-message';

function appI18n() {
  const { i18n, unmount } = renderWithProviders(<div />);
  unmount();
  return i18n;
}

const problem = (code: string, init: Partial<ConstructorParameters<typeof ApiProblem>[0]> = {}) =>
  new ApiProblem({ status: 422, code, title: code, ...init });

describe('trust problem messages', () => {
  it('translates the trust codes into Korean', () => {
    const i18n = appI18n();
    expect(trustProblemMessage(i18n, problem('trust.cannot_report_self'))).toBe('자기 자신은 신고할 수 없어요.');
    expect(trustProblemMessage(i18n, problem('trust.appeal_exists', { status: 409 }))).toBe('이 신고에는 이미 이의를 신청했어요.');
    expect(trustProblemMessage(i18n, problem('trust.report_decided', { status: 409 }))).toBe(
      '이미 결정된 신고예요. 새로고침해 주세요.',
    );
  });

  it('says until when a suspension lasts, in the member’s language', async () => {
    const i18n = appI18n();
    const refused = problem('trust.suspended', { status: 403, extensions: { suspended_until: '2026-12-31T12:00:00+00:00' } });
    expect(trustProblemMessage(i18n, refused)).toBe(
      '2026년 12월 31일까지 글쓰기, 신고, 모임 참여 같은 활동을 할 수 없어요. 보기와 로그인은 할 수 있어요.',
    );
    await i18n.changeLanguage('en');
    expect(trustProblemMessage(i18n, refused)).toContain('Until December 31, 2026');
  });

  it('explains a suspension without a date too', () => {
    const i18n = appI18n();
    expect(trustProblemMessage(i18n, problem('trust.suspended', { status: 403 }))).toBe(
      '이용 제한 기간에는 글쓰기, 신고, 모임 참여 같은 활동을 할 수 없어요. 보기와 로그인은 할 수 있어요.',
    );
  });

  it('words the rate limit for reports, with the wait', () => {
    const i18n = appI18n();
    const limited = problem('rate_limited', { status: 429, retryAfter: 90 });
    expect(reportProblemMessage(i18n, limited)).toBe('신고를 너무 많이 보냈어요. 90초 후에 다시 시도해 주세요.');
    expect(trustProblemMessage(i18n, limited)).toBe('요청이 너무 많아요. 90초 후에 다시 시도해 주세요.');
  });

  it('falls back to the server’s text for a code it does not know', () => {
    const i18n = appI18n();
    expect(trustProblemMessage(i18n, problem('trust.brand_new', { detail: 'Something new' }))).toBe('Something new');
  });
});
