import { within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import {
  befriend,
  block,
  hasBlocked,
  isFriend,
  issueToken,
  seedOtherMember,
  seedSignedInMember,
} from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { BlockedList } from '../blocked-list';
import { FriendsList } from '../friends-list';

function signIn() {
  const me = seedSignedInMember({ nickname: '보리맘' });
  setAccessToken(issueToken(me.id).access_token);
  return me;
}

describe('FriendsList', () => {
  it('guides the member to member cards when there are no friends', async () => {
    signIn();
    renderWithProviders(<FriendsList />);

    expect(await screen.findByRole('heading', { name: '아직 친구가 없어요' })).toBeInTheDocument();
    expect(screen.getByText(/회원 카드에서 친구를 추가해 보세요/)).toBeInTheDocument();
  });

  it('lists friends with their 발도장 and links to their cards, and removes one after confirming', async () => {
    const me = signIn();
    const kong = seedOtherMember('콩이아빠', { trust_score: 72 });
    const dubu = seedOtherMember('두부누나', { trust_score: 41 });
    befriend(me.id, kong.id);
    befriend(me.id, dubu.id);
    const { user } = renderWithProviders(<FriendsList />);

    const list = await screen.findByRole('list', { name: '친구 목록' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('친구 2명')).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: /콩이아빠/ })).toHaveAttribute('href', `/members/${kong.id}`);
    expect(within(list).getByText('발도장 72')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '콩이아빠님 친구 삭제' }));
    const dialog = screen.getByRole('alertdialog', { name: '친구를 삭제할까요?' });
    await user.click(within(dialog).getByRole('button', { name: '친구 삭제' }));

    expect(await screen.findByText('친구 1명')).toBeInTheDocument();
    expect(screen.queryByText('콩이아빠')).not.toBeInTheDocument();
    expect(isFriend(me.id, kong.id)).toBe(false);
  });

  it('loads more friends page by page, newest first, each once', async () => {
    const me = signIn();
    const names = Array.from({ length: 23 }, (_, index) => `이웃${String(index).padStart(2, '0')}`);
    names.forEach((name, index) => {
      const other = seedOtherMember(name);
      befriend(me.id, other.id, new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString());
    });
    const { user } = renderWithProviders(<FriendsList />);

    const list = await screen.findByRole('list', { name: '친구 목록' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    expect(screen.getByText('친구 20명 이상')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('이웃22');

    await user.click(screen.getByRole('button', { name: '더 보기' }));

    expect(await screen.findByText('친구 23명')).toBeInTheDocument();
    const shown = within(list)
      .getAllByRole('listitem')
      .map((item) => within(item).getByText(/^이웃\d\d$/).textContent);
    expect(shown).toEqual([...names].reverse());
    expect(screen.queryByRole('button', { name: '더 보기' })).not.toBeInTheDocument();
  });

  it('keeps the shown friends when the next page fails, and says so', async () => {
    const me = signIn();
    Array.from({ length: 21 }, (_, index) => seedOtherMember(`이웃${String(index).padStart(2, '0')}`)).forEach(
      (other) => {
        befriend(me.id, other.id);
      },
    );
    const { user } = renderWithProviders(<FriendsList />);
    const list = await screen.findByRole('list', { name: '친구 목록' });
    server.use(
      http.get('*/api/v1/friends', () => problem(500, 'internal_error', { detail: '잠시 후 다시 시도해 주세요 (server)' })),
    );

    await user.click(screen.getByRole('button', { name: '더 보기' }));

    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    expect(screen.getByRole('button', { name: '더 보기' })).toBeInTheDocument();
  });

  it('shows an error with a retry when the list cannot be loaded', async () => {
    signIn();
    let calls = 0;
    server.use(
      http.get('*/api/v1/friends', () => {
        calls += 1;
        return problem(500, 'internal_error', { detail: '잠시 후 다시 시도해 주세요 (server)' });
      }),
    );
    renderWithProviders(<FriendsList />);

    expect(await screen.findByRole('heading', { name: '친구 목록을 불러오지 못했어요' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '다시 시도' })).toBeInTheDocument();
    expect(calls).toBeGreaterThan(0);
  });
});

describe('BlockedList', () => {
  it('shows an empty state when nobody is blocked', async () => {
    signIn();
    renderWithProviders(<BlockedList />);

    expect(await screen.findByRole('heading', { name: '차단한 회원이 없어요' })).toBeInTheDocument();
  });

  it('unblocks a member', async () => {
    const me = signIn();
    const other = seedOtherMember('콩이아빠');
    block(me.id, other.id);
    const { user } = renderWithProviders(<BlockedList />);

    const list = await screen.findByRole('list', { name: '차단한 회원 목록' });
    expect(within(list).getByText('콩이아빠')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '콩이아빠님 차단 해제' }));

    expect(await screen.findByRole('heading', { name: '차단한 회원이 없어요' })).toBeInTheDocument();
    expect(hasBlocked(me.id, other.id)).toBe(false);
  });

  it('loads more blocked members with the cursor', async () => {
    const me = signIn();
    Array.from({ length: 21 }, (_, index) => seedOtherMember(`차단${String(index).padStart(2, '0')}`)).forEach(
      (other) => {
        block(me.id, other.id);
      },
    );
    const { user } = renderWithProviders(<BlockedList />);

    const list = await screen.findByRole('list', { name: '차단한 회원 목록' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: '더 보기' }));

    expect(await within(list).findAllByRole('listitem')).toHaveLength(21);
    expect(screen.queryByRole('button', { name: '더 보기' })).not.toBeInTheDocument();
  });
});
