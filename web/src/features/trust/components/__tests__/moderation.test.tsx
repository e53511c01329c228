import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { db, seedOtherMember, seedSignedInMember } from '@/testing/mocks/db';
import { decisions } from '@/testing/mocks/moderation-handlers';
import { seedReport } from '@/testing/mocks/trust-handlers';
import { renderApp, screen } from '@/testing/test-utils';

function signInAdmin() {
  const admin = seedSignedInMember({ nickname: '운영자' });
  db.grantedRoles.set(admin.id, ['admin']);
  return admin;
}

describe('관리자 › 신고 검토', () => {
  it('filters by type, starts the review and upholds with the penalty the administrator picks', async () => {
    signInAdmin();
    const reporter = seedOtherMember('보리맘');
    const spammer = seedOtherMember('광고왕');
    const walker = seedOtherMember('콩이아빠');
    seedReport(reporter.id, spammer, 'spam', '광고 메시지를 계속 보내요.');
    seedReport(reporter.id, walker, 'dog', '목줄 없이 달려들었어요.');
    const { user } = renderApp('/admin/moderation');

    const list = await screen.findByRole('list', { name: '신고 목록, 오래된 순' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText('유형'), '스팸/사기');
    await screen.findByText('광고왕님 신고 · 스팸/사기');
    expect(screen.queryByText('콩이아빠님 신고 · 강아지 문제')).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: '열기' }));
    expect(await screen.findByText('광고 메시지를 계속 보내요.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /검토 시작/ }));
    expect(await screen.findByText('검토 중')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '신고 인정' }));
    expect(screen.getByText('메모를 적어 주세요.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('감점'), '−3');
    await user.type(screen.getByLabelText('메모 (조치 기록에 남아요)'), '광고 캡처 확인');
    await user.click(screen.getByRole('button', { name: '신고 인정' }));

    expect(await screen.findByRole('heading', { name: '이 신고는 처리됨 상태예요.' })).toBeInTheDocument();
    expect(decisions).toEqual([{ reportId: expect.any(String) as string, action: 'uphold', body: { note: '광고 캡처 확인', penalty: 3 } }]);
  });

  it('applies the policy’s fixed penalty to 강아지 문제 and dismisses with a note', async () => {
    signInAdmin();
    const reporter = seedOtherMember('보리맘');
    const walker = seedOtherMember('콩이아빠');
    const report = seedReport(reporter.id, walker, 'dog', '목줄 없이 달려들었어요.');
    const { user } = renderApp(`/admin/moderation/reports/${report.id}`);

    expect(await screen.findByText(/정책에 따라 −3/)).toBeInTheDocument();
    expect(screen.queryByLabelText('감점')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('메모 (조치 기록에 남아요)'), '영상으로 보면 목줄을 하고 있었음');
    await user.click(screen.getByRole('button', { name: '기각' }));

    expect(await screen.findByRole('heading', { name: '이 신고는 기각 상태예요.' })).toBeInTheDocument();
    expect(decisions[0]).toMatchObject({ action: 'dismiss', body: { note: '영상으로 보면 목줄을 하고 있었음' } });
  });

  it('is closed to members', async () => {
    seedSignedInMember();
    renderApp('/admin/moderation');

    expect(await screen.findByRole('heading', { name: '관리자만 볼 수 있어요' })).toBeInTheDocument();
  });
});
