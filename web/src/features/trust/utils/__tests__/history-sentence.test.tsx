import { describe, expect, it } from 'vitest';

import { renderWithProviders } from '@/testing/test-utils';

import { historySentence, signedAmount, type ChangeFacts } from '../history-sentence';

const review: ChangeFacts = { cause_kind: 'review', delta: 3, score_after: 33, stars: 5, report_type: null };

/** The app's own translations (the providers' i18n instance), in Korean unless changed. */
function appI18n() {
  const { i18n, unmount } = renderWithProviders(<div />);
  unmount();
  return i18n;
}

describe('historySentence', () => {
  it('says what each cause did, in plain Korean', () => {
    const { t } = appI18n();
    expect(historySentence(t, review)).toBe('번개 후기 별 5개를 받아 +3');
    expect(historySentence(t, { ...review, cause_kind: 'no_show', delta: -5, stars: null })).toBe('번개에 나타나지 않아(노쇼) −5');
    expect(historySentence(t, { ...review, cause_kind: 'report_upheld', delta: -5, stars: null, report_type: 'romance' })).toBe(
      '‘이성 문제’ 신고가 처리되어 −5',
    );
    expect(historySentence(t, { ...review, cause_kind: 'report_upheld', delta: -2, report_type: null })).toBe('신고가 처리되어 −2');
    expect(historySentence(t, { ...review, cause_kind: 'appeal_reversal', delta: 5 })).toBe('이의 신청이 받아들여져 +5 복구');
    expect(historySentence(t, { ...review, cause_kind: 'suspension_end', delta: 10, score_after: 10 })).toBe(
      '이용 제한이 끝나 발도장이 10(으)로 다시 시작해요',
    );
  });

  it('keeps a cause it does not know readable', () => {
    const { t } = appI18n();
    expect(historySentence(t, { ...review, cause_kind: 'something_new', delta: -1 })).toBe('발도장이 바뀌어 −1');
  });

  it('speaks English when the member chose it', async () => {
    const i18n = appI18n();
    await i18n.changeLanguage('en');
    expect(historySentence(i18n.t, { ...review, stars: 1, delta: 1 })).toBe('A 1-star meetup review: +1');
  });
});

describe('signedAmount', () => {
  it('writes the sign people expect', () => {
    expect(signedAmount(3)).toBe('+3');
    expect(signedAmount(-7)).toBe('−7');
    expect(signedAmount(0)).toBe('±0');
  });
});
