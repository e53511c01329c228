import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { adminState } from '@/testing/mocks/admin-handlers';
import { db, issueToken, nextId, seedOtherMember, seedSignedInMember } from '@/testing/mocks/db';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { AuditLog } from '../audit-log';

function signInAsAdmin() {
  const me = seedSignedInMember({ nickname: '운영자보리' });
  db.grantedRoles.set(me.id, ['admin']);
  setAccessToken(issueToken(me.id).access_token);
  return me;
}

describe('AuditLog', () => {
  it('says so when nothing was recorded yet', async () => {
    signInAsAdmin();
    renderWithProviders(<AuditLog />);

    expect(await screen.findByRole('heading', { name: '아직 기록이 없어요' })).toBeInTheDocument();
  });

  it('shows who did what to whom, when and why, in pages', async () => {
    const me = signInAsAdmin();
    const kong = seedOtherMember('콩이아빠');
    adminState.audit = Array.from({ length: 32 }, (_, n) => ({
      id: nextId(),
      action: n === 0 ? 'account_banned' : 'role_granted',
      target_account_id: kong.id,
      target_nickname: '콩이아빠',
      role: n === 0 ? null : 'admin',
      reason: n === 0 ? '사기 거래 시도' : `사유 ${n}`,
      actor_account_id: n === 31 ? null : me.id,
      actor_nickname: n === 31 ? null : '운영자보리',
      actor_label: n === 31 ? 'cli:root' : 'admin',
      created_at: new Date(Date.UTC(2026, 11, 1, 12, 0) - n * 60_000).toISOString(),
    }));
    const { user } = renderWithProviders(<AuditLog />);

    const list = await screen.findByRole('list', { name: '조치 기록, 최근 순' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(30);
    expect(items[0]).toHaveTextContent('콩이아빠님 영구 퇴출');
    expect(items[0]).toHaveTextContent('“사기 거래 시도”');
    expect(items[0]).toHaveTextContent('운영자보리');
    expect(items[1]).toHaveTextContent('콩이아빠님에게 관리자 권한 부여');

    await user.click(screen.getByRole('button', { name: '더 보기' }));
    expect(await within(list).findByText(/명령줄 \(cli:root\)/)).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(32);
    expect(screen.queryByRole('button', { name: '더 보기' })).not.toBeInTheDocument();
  });
});
