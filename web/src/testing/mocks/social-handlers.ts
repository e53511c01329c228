import { http, HttpResponse } from 'msw';

import type { MemberRef } from '@/features/friends/api/types';

import { requireMember } from './auth-helpers';
import { befriend, block, blocksOf, db, friendsOf, hasBlocked, isFriend, unfriend } from './db';
import { problem } from './handlers';
import { pageOf } from './pages';

function target(params: Record<string, unknown>): string {
  return String(params.memberId);
}

export const socialHandlers = [
  http.get('*/api/v1/friends', ({ request }) => {
    const me = requireMember(request);
    if ('error' in me) return me.error;
    const page = pageOf(friendsOf(me.id), new URL(request.url), {
      key: (friend) => friend.member_id,
      time: (friend) => friend.since,
    });
    return HttpResponse.json(page);
  }),

  http.post('*/api/v1/friends', async ({ request }) => {
    const me = requireMember(request);
    if ('error' in me) return me.error;
    const other = ((await request.json()) as MemberRef).member_id;
    if (other === me.id) return problem(422, 'member.cannot_friend_self');
    if (!db.profiles.has(other) || hasBlocked(other, me.id)) return problem(404, 'member.not_found');
    if (hasBlocked(me.id, other)) return problem(403, 'member.blocked');
    befriend(me.id, other, new Date().toISOString());
    return HttpResponse.json(friendsOf(me.id).find((friend) => friend.member_id === other), { status: 201 });
  }),

  http.delete('*/api/v1/friends/:memberId', ({ request, params }) => {
    const me = requireMember(request);
    if ('error' in me) return me.error;
    const other = target(params);
    if (!isFriend(me.id, other)) return problem(404, 'member.friend_not_found');
    unfriend(me.id, other);
    return new HttpResponse(null, { status: 204 });
  }),

  http.get('*/api/v1/blocks', ({ request }) => {
    const me = requireMember(request);
    if ('error' in me) return me.error;
    const page = pageOf(blocksOf(me.id), new URL(request.url), {
      key: (entry) => entry.member_id,
      time: (entry) => entry.blocked_at,
    });
    return HttpResponse.json(page);
  }),

  http.post('*/api/v1/blocks', async ({ request }) => {
    const me = requireMember(request);
    if ('error' in me) return me.error;
    const other = ((await request.json()) as MemberRef).member_id;
    if (other === me.id) return problem(422, 'member.cannot_block_self');
    if (!db.profiles.has(other)) return problem(404, 'member.not_found');
    block(me.id, other, new Date().toISOString());
    return HttpResponse.json(blocksOf(me.id).find((entry) => entry.member_id === other), { status: 201 });
  }),

  http.delete('*/api/v1/blocks/:memberId', ({ request, params }) => {
    const me = requireMember(request);
    if ('error' in me) return me.error;
    const other = target(params);
    if (!hasBlocked(me.id, other)) return problem(404, 'member.block_not_found');
    db.blocks.get(me.id)?.delete(other);
    return new HttpResponse(null, { status: 204 });
  }),
];
