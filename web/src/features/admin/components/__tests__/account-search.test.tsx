import { waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { adminState } from '@/testing/mocks/admin-handlers';
import { db, issueToken, seedOtherMember, seedSignedInMember } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { AccountSearch } from '../account-search';

function signInAsAdmin() {
  const me = seedSignedInMember({ nickname: '운영자보리' });
  db.grantedRoles.set(me.id, ['admin']);
  setAccessToken(issueToken(me.id).access_token);
  return me;
}

describe('AccountSearch', () => {
  it('lists accounts newest first and searches by nickname or e-mail', async () => {
    const me = signInAsAdmin();
    seedOtherMember('콩이아빠');
    seedOtherMember('두부누나');
    const { user } = renderWithProviders(<AccountSearch currentAccountId={me.id} />);

    const list = await screen.findByRole('list', { name: '찾은 계정' });
    expect(within(list).getAllByRole('listitem').map((item) => within(item).getByRole('heading').textContent)).toEqual([
      '두부누나',
      '콩이아빠',
      '운영자보리 (나)',
    ]);
    expect(within(list).getByRole('button', { name: '운영자보리님 영구 퇴출' })).toBeDisabled();

    await user.type(screen.getByRole('searchbox', { name: '이메일 또는 닉네임으로 찾기' }), '콩이');
    await waitFor(() => {
      expect(screen.queryByRole('heading', { name: '두부누나' })).not.toBeInTheDocument();
    });
    expect(screen.getByRole('heading', { name: '콩이아빠' })).toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'nobody');
    expect(await screen.findByRole('heading', { name: '맞는 계정이 없어요' })).toBeInTheDocument();
  });

  it('bans with a required reason, then lifts the ban', async () => {
    const me = signInAsAdmin();
    const kong = seedOtherMember('콩이아빠');
    const { user } = renderWithProviders(<AccountSearch currentAccountId={me.id} />);

    await user.click(await screen.findByRole('button', { name: '콩이아빠님 영구 퇴출' }));
    const dialog = screen.getByRole('dialog', { name: '콩이아빠님을 영구 퇴출할까요?' });
    const reason = within(dialog).getByRole('textbox', { name: '사유 (조치 기록에 남아요)' });
    expect(reason).toHaveFocus();

    await user.type(reason, '   ');
    await user.click(within(dialog).getByRole('button', { name: '영구 퇴출' }));
    expect(within(dialog).getByText('사유를 적어 주세요.')).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(adminState.audit).toEqual([]);

    await user.type(reason, '사기 거래 시도');
    await user.click(within(dialog).getByRole('button', { name: '영구 퇴출' }));

    expect(await screen.findByText('콩이아빠님을 영구 퇴출했어요.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const row = screen.getByRole('listitem', { name: '콩이아빠' });
    expect(within(row).getByText('영구 퇴출')).toBeInTheDocument();
    expect(adminState.audit.map((entry) => [entry.action, entry.target_account_id, entry.reason])).toEqual([
      ['account_banned', kong.id, '사기 거래 시도'],
    ]);

    await user.click(within(row).getByRole('button', { name: '콩이아빠님 퇴출 해제' }));
    const unban = screen.getByRole('dialog', { name: '콩이아빠님의 퇴출을 해제할까요?' });
    await user.type(within(unban).getByRole('textbox'), '이의 신청 받아들임');
    await user.click(within(unban).getByRole('button', { name: '퇴출 해제' }));
    expect(await screen.findByText('콩이아빠님의 퇴출을 해제했어요.')).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: '콩이아빠' })).getByText('활동 중')).toBeInTheDocument();
  });

  it('grants and revokes admin, and never offers to drop one’s own role', async () => {
    const me = signInAsAdmin();
    const kong = seedOtherMember('콩이아빠');
    const { user } = renderWithProviders(<AccountSearch currentAccountId={me.id} />);

    expect(await screen.findByRole('button', { name: '운영자보리님 관리자 해제' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '콩이아빠님을 관리자로 지정' }));
    const dialog = screen.getByRole('dialog', { name: '콩이아빠님을 관리자로 지정할까요?' });
    await user.type(within(dialog).getByRole('textbox'), '운영 도우미');
    await user.click(within(dialog).getByRole('button', { name: '지정하기' }));

    const row = await screen.findByRole('listitem', { name: '콩이아빠' });
    expect(await within(row).findByText('관리자')).toBeInTheDocument();
    expect(db.grantedRoles.get(kong.id)).toEqual(['admin']);

    await user.click(within(row).getByRole('button', { name: '콩이아빠님 관리자 해제' }));
    await user.type(within(screen.getByRole('dialog')).getByRole('textbox'), '활동 종료');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '해제하기' }));
    expect(await screen.findByText('콩이아빠님의 관리자 권한을 해제했어요.')).toBeInTheDocument();
    expect(db.grantedRoles.get(kong.id)).toEqual([]);
  });

  it('keeps the dialog open with the server’s reason when the action fails', async () => {
    const me = signInAsAdmin();
    seedOtherMember('콩이아빠');
    server.use(http.post('*/api/v1/admin/accounts/:id/ban', () => problem(404, 'identity.account_not_found')));
    const { user } = renderWithProviders(<AccountSearch currentAccountId={me.id} />);

    await user.click(await screen.findByRole('button', { name: '콩이아빠님 영구 퇴출' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox'), '스팸');
    await user.click(within(dialog).getByRole('button', { name: '영구 퇴출' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('계정을 찾을 수 없어요.');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows an error with a retry when the search fails', async () => {
    const me = signInAsAdmin();
    server.use(http.get('*/api/v1/admin/accounts', () => problem(500, 'internal_error')));
    renderWithProviders(<AccountSearch currentAccountId={me.id} />);

    expect(await screen.findByRole('heading', { name: '계정을 불러오지 못했어요' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '다시 시도' })).toBeInTheDocument();
  });
});
