import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { seedSignedInMember } from '@/testing/mocks/db';
import { addScoreChange, trustState } from '@/testing/mocks/trust-handlers';
import { renderApp, screen } from '@/testing/test-utils';

describe('왜 내 발도장이 바뀌었나요?', () => {
  it('is reachable from my score and says why each change happened', async () => {
    const me = seedSignedInMember();
    addScoreChange(me.id, { cause_kind: 'review', stars: 5, delta: 3, score_before: 30, score_after: 33 });
    addScoreChange(me.id, {
      cause_kind: 'report_upheld',
      report_type: 'romance',
      report_id: 'r-1',
      stars: null,
      delta: -5,
      score_before: 33,
      score_after: 28,
    });
    const { user } = renderApp('/me');

    await user.click(await screen.findByRole('link', { name: '발도장이 바뀐 이유 보기' }));

    expect(await screen.findByRole('heading', { level: 1, name: '왜 내 발도장이 바뀌었나요?' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: '발도장 변화, 최근 순' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(['‘이성 문제’ 신고가 처리되어 −5', '번개 후기 별 5개를 받아 +3']);
    expect(items[0]).toHaveTextContent('33 → 28');
    expect(await screen.findByText('28')).toBeInTheDocument();
  });

  it('appeals an upheld report once, then shows the appeal’s state', async () => {
    const me = seedSignedInMember();
    addScoreChange(me.id, { cause_kind: 'review', stars: 4, delta: 2, score_before: 30, score_after: 32 });
    addScoreChange(me.id, { cause_kind: 'report_upheld', report_type: 'dog', report_id: 'r-2', stars: null, delta: -3, score_before: 32, score_after: 29 });
    const { user } = renderApp('/me/trust-history');

    const penalty = await screen.findByRole('listitem', { name: '‘강아지 문제’ 신고가 처리되어 −3' });
    expect(within(screen.getByRole('listitem', { name: '번개 후기 별 4개를 받아 +2' })).queryByRole('button')).toBeNull();
    await user.click(within(penalty).getByRole('button', { name: '이의 신청하기' }));
    await user.click(within(penalty).getByRole('button', { name: '이의 신청 보내기' }));
    expect(within(penalty).getByText('이의 내용을 적어 주세요.')).toBeInTheDocument();
    await user.type(within(penalty).getByLabelText('이의 내용'), '목줄을 하고 있었어요.');
    await user.click(within(penalty).getByRole('button', { name: '이의 신청 보내기' }));

    expect(await within(penalty).findByText('이의 신청 검토 중')).toBeInTheDocument();
    expect(within(penalty).queryByRole('button', { name: '이의 신청하기' })).not.toBeInTheDocument();
    expect(trustState.appeals).toHaveLength(1);
    expect(trustState.appeals[0]).toMatchObject({ report_id: 'r-2', text: '목줄을 하고 있었어요.' });
  });

  it('has an empty state for a member whose score never changed', async () => {
    seedSignedInMember();
    renderApp('/me/trust-history');

    expect(await screen.findByRole('heading', { name: '아직 바뀐 적이 없어요' })).toBeInTheDocument();
  });
});
