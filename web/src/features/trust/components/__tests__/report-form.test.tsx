import { describe, expect, it } from 'vitest';

import { seedOtherMember, seedSignedInMember } from '@/testing/mocks/db';
import { trustState } from '@/testing/mocks/trust-handlers';
import { renderApp, screen } from '@/testing/test-utils';

describe('신고하기', () => {
  it('finds the member by nickname, sends the report and lists it as 접수', async () => {
    seedSignedInMember({ nickname: '보리맘' });
    const other = seedOtherMember('콩이아빠');
    seedOtherMember('두부엄마');
    const { user } = renderApp('/reports/new');

    await user.type(await screen.findByRole('searchbox', { name: '닉네임으로 찾기' }), '콩이');
    await user.click(await screen.findByRole('radio', { name: '콩이아빠' }));
    expect(screen.getByText('콩이아빠님을 신고해요')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('신고 유형'), '강아지 문제');
    await user.type(screen.getByLabelText('무슨 일이 있었나요?'), '목줄 없이 다른 강아지에게 달려들었어요.');
    await user.click(screen.getByRole('button', { name: '신고 보내기' }));

    expect(await screen.findByRole('heading', { name: '신고가 접수됐어요' })).toBeInTheDocument();
    expect(trustState.reports[0]).toMatchObject({ reported_member_id: other.id, report_type: 'dog' });

    await user.click(screen.getByRole('link', { name: '내 신고 보기' }));
    const mine = await screen.findByRole('listitem', { name: '콩이아빠님 신고' });
    expect(mine).toHaveTextContent('접수');
    expect(mine).toHaveTextContent('강아지 문제');
  });

  it('starts from the member card’s nickname', async () => {
    seedSignedInMember();
    seedOtherMember('콩이아빠');
    renderApp(`/reports/new?member=${encodeURIComponent('콩이아빠')}`);

    expect(await screen.findByText('콩이아빠님을 신고해요')).toBeInTheDocument();
  });

  it('says so when the card’s member cannot be reported (left or blocked)', async () => {
    seedSignedInMember();
    renderApp(`/reports/new?member=${encodeURIComponent('없는회원')}`);

    expect(await screen.findByText('‘없는회원’ 회원을 찾을 수 없어요. 탈퇴했거나 차단한 회원일 수 있어요.')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '닉네임으로 찾기' })).toHaveValue('없는회원');
  });

  it('asks for what is missing before sending anything', async () => {
    seedSignedInMember();
    const { user } = renderApp('/reports/new');

    await user.click(await screen.findByRole('button', { name: '신고 보내기' }));

    expect(screen.getByText('신고할 회원을 골라 주세요.')).toBeInTheDocument();
    expect(screen.getByText('신고 유형을 골라 주세요.')).toBeInTheDocument();
    expect(screen.getByText('무슨 일이 있었는지 적어 주세요.')).toBeInTheDocument();
    expect(trustState.reports).toHaveLength(0);
  });

  it('shows a suspension with its end date, here and in a banner', async () => {
    const me = seedSignedInMember();
    seedOtherMember('콩이아빠');
    trustState.suspendedUntil.set(me.id, '2026-12-31T12:00:00+00:00');
    const { user } = renderApp(`/reports/new?member=${encodeURIComponent('콩이아빠')}`);

    await screen.findByText('콩이아빠님을 신고해요');
    await user.selectOptions(screen.getByLabelText('신고 유형'), '기타');
    await user.type(screen.getByLabelText('무슨 일이 있었나요?'), '불쾌한 말을 했어요.');
    await user.click(screen.getByRole('button', { name: '신고 보내기' }));

    const banner = await screen.findByRole('alert', { name: '이용이 제한되었어요' });
    expect(banner).toHaveTextContent('2026년 12월 31일까지');
    expect(screen.getByRole('link', { name: '발도장이 바뀐 이유 보기' })).toHaveAttribute('href', '/me/trust-history');
    expect(screen.getAllByText(/2026년 12월 31일까지 글쓰기, 신고, 모임 참여/)).toHaveLength(2);
    expect(trustState.reports).toHaveLength(0);
  });

  it('explains the per-reporter limit', async () => {
    seedSignedInMember();
    seedOtherMember('콩이아빠');
    trustState.reportsPerReporter = 0;
    const { user } = renderApp(`/reports/new?member=${encodeURIComponent('콩이아빠')}`);

    await screen.findByText('콩이아빠님을 신고해요');
    await user.selectOptions(screen.getByLabelText('신고 유형'), '스팸/사기');
    await user.type(screen.getByLabelText('무슨 일이 있었나요?'), '광고 메시지를 계속 보내요.');
    await user.click(screen.getByRole('button', { name: '신고 보내기' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('신고를 너무 많이 보냈어요. 120초 후에 다시 시도해 주세요.');
  });
});
