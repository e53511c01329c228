import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { db, seedSignedInMember } from '@/testing/mocks/db';
import { renderApp, screen } from '@/testing/test-utils';

describe('관리자 area', () => {
  it('is closed to members, with no way in from the navigation', async () => {
    seedSignedInMember();
    renderApp('/admin');

    expect(await screen.findByRole('heading', { name: '관리자만 볼 수 있어요' })).toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });

  it('is linked from 내정보 for administrators only', async () => {
    const me = seedSignedInMember();
    const first = renderApp('/me');
    expect(await screen.findByRole('link', { name: '차단한 회원' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '관리자' })).not.toBeInTheDocument();
    first.unmount();

    db.grantedRoles.set(me.id, ['admin']);
    renderApp('/me');
    expect(await screen.findByRole('link', { name: '관리자' })).toHaveAttribute('href', '/admin');
  });

  it('opens for administrators, even before onboarding, with the reports queue among its sections', async () => {
    const me = seedSignedInMember({ nickname: '운영자보리', onboarded: false });
    db.grantedRoles.set(me.id, ['admin']);
    const { user } = renderApp('/admin');

    expect(await screen.findByRole('heading', { level: 1, name: '관리자' })).toBeInTheDocument();
    const sections = screen.getByRole('navigation', { name: '관리 메뉴' });
    expect(within(sections).getByRole('link', { name: '회원 계정' })).toHaveAttribute('aria-current', 'page');
    expect(within(sections).getByRole('link', { name: '신고 검토' })).toHaveAttribute('href', '/admin/moderation');
    expect(within(sections).queryByText('준비 중')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '운영자보리 (나)' })).toBeInTheDocument();

    await user.click(within(sections).getByRole('link', { name: '조치 기록' }));
    expect(await screen.findByRole('heading', { name: '아직 기록이 없어요' })).toBeInTheDocument();
  });
});
