import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { friendsOf, hasBlocked, isFriend, seedOtherMember, seedSignedInMember } from '@/testing/mocks/db';
import { renderApp, screen } from '@/testing/test-utils';

describe('member card page', () => {
  it('adds a friend, links to the report page and blocks after confirming', async () => {
    const me = seedSignedInMember({ nickname: '보리맘' });
    const other = seedOtherMember('콩이아빠');
    const { user } = renderApp(`/members/${other.id}`);

    await screen.findByRole('heading', { level: 1, name: '콩이아빠' });
    expect(screen.getByRole('link', { name: '신고하기' })).toHaveAttribute(
      'href',
      `/reports/new?member=${encodeURIComponent('콩이아빠')}`,
    );

    await user.click(screen.getByRole('button', { name: '친구 추가' }));
    expect(await screen.findByRole('button', { name: '친구예요 · 친구 삭제' })).toBeInTheDocument();
    expect(isFriend(me.id, other.id)).toBe(true);

    await user.click(screen.getByRole('button', { name: '차단하기' }));
    const dialog = screen.getByRole('alertdialog', { name: '콩이아빠님을 차단할까요?' });
    expect(within(dialog).getByRole('button', { name: '취소' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: '차단하기' }));

    expect(await screen.findByRole('button', { name: '차단 해제' })).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /친구/ })).not.toBeInTheDocument();
    expect(hasBlocked(me.id, other.id)).toBe(true);
    expect(isFriend(me.id, other.id)).toBe(false);
  });

  it('closes the block dialog with Escape without blocking', async () => {
    const me = seedSignedInMember();
    const other = seedOtherMember('콩이아빠');
    const { user } = renderApp(`/members/${other.id}`);

    await user.click(await screen.findByRole('button', { name: '차단하기' }));
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '차단하기' })).toHaveFocus();
    expect(hasBlocked(me.id, other.id)).toBe(false);
  });

  it('shows no actions on my own card', async () => {
    const me = seedSignedInMember({ nickname: '보리맘' });
    renderApp(`/members/${me.id}`);

    expect(await screen.findByText('내 카드예요. 다른 회원에게 이렇게 보여요.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '친구 추가' })).not.toBeInTheDocument();
    expect(friendsOf(me.id)).toHaveLength(0);
  });
});
