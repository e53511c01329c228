import { http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api-client';

import { requireMember } from './auth-helpers';
import { db, nextId } from './db';
import { problem } from './handlers';

type Post = Schemas['PostRead'];
type Comment = Schemas['CommentRead'];

/** The board API's data in the tests; reset after every test. */
export const boardState = {
  posts: [] as Post[],
  comments: [] as Comment[],
  popular: [] as string[],
  /** Query strings the list and search endpoints received. */
  requests: [] as URLSearchParams[],
};

export function resetBoard(): void {
  boardState.posts = [];
  boardState.comments = [];
  boardState.popular = [];
  boardState.requests = [];
}

export function makePost(overrides: Partial<Post> = {}): Post {
  const post: Post = {
    id: nextId(),
    category: 'topic',
    title: '산책로 추천해요',
    excerpt: '한강공원 산책로가 좋아요',
    author: { id: nextId(), nickname: '콩이아빠', deleted: false, photo_url: null },
    region_name: '서울특별시 종로구 청운효자동',
    created_at: new Date().toISOString(),
    edited_at: null,
    like_count: 0,
    comment_count: 0,
    view_count: 0,
    thumbnail_url: null,
    media_count: 0,
    content_html: '<p>한강공원 산책로가 좋아요</p>',
    content: null,
    media: [],
    meetup_id: null,
    liked_by_me: false,
    is_mine: false,
    hidden: false,
    hidden_reason: null,
    ...overrides,
  };
  boardState.posts.unshift(post);
  return post;
}

function summary(post: Post): Schemas['PostSummaryRead'] {
  const { content_html: _html, content: _content, media: _media, meetup_id: _meetup, liked_by_me: _liked,
    is_mine: _mine, hidden: _hidden, hidden_reason: _reason, ...rest } = post; // prettier-ignore
  return rest;
}

const BASE = '/api/v1/board';

export const boardHandlers = [
  http.get(`${BASE}/posts`, ({ request }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    const params = new URL(request.url).searchParams;
    boardState.requests.push(params);
    const category = params.get('category');
    const items = boardState.posts.filter((post) => category === null || post.category === category).map(summary);
    return HttpResponse.json({ items, next_cursor: null });
  }),
  http.get(`${BASE}/popular`, ({ request }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    boardState.requests.push(new URL(request.url).searchParams);
    const items = boardState.popular
      .map((id) => boardState.posts.find((post) => post.id === id))
      .filter((post): post is Post => post !== undefined)
      .map(summary);
    return HttpResponse.json({ items, next_cursor: null });
  }),
  http.get(`${BASE}/search`, ({ request }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    const params = new URL(request.url).searchParams;
    boardState.requests.push(params);
    const terms = (params.get('q') ?? '').split(/\s+/).filter(Boolean);
    const items = boardState.posts
      .filter((post) => terms.every((term) => `${post.title} ${post.excerpt}`.includes(term)))
      .map(summary);
    return HttpResponse.json({ items, next_cursor: null, terms });
  }),
  http.get(`${BASE}/posts/:postId`, ({ request, params }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    const post = boardState.posts.find((candidate) => candidate.id === params.postId);
    if (post === undefined) return problem(404, 'board.post_not_found');
    return HttpResponse.json(post);
  }),
  http.post(`${BASE}/posts`, async ({ request }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    const body = (await request.json()) as Schemas['PostCreate'];
    const profile = db.profiles.get(member.id);
    const post = makePost({
      category: body.category === 'popular' ? 'topic' : body.category,
      title: body.title,
      excerpt: body.content,
      content: body.content,
      content_html: `<p>${body.content}</p>`,
      is_mine: true,
      author: { id: member.id, nickname: profile?.nickname ?? '나', deleted: false, photo_url: null },
    });
    return HttpResponse.json(post, { status: 201 });
  }),
  http.put(`${BASE}/posts/:postId/like`, ({ request, params }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    const post = boardState.posts.find((candidate) => candidate.id === params.postId);
    if (post === undefined) return problem(404, 'board.post_not_found');
    if (!post.liked_by_me) {
      post.liked_by_me = true;
      post.like_count += 1;
    }
    return HttpResponse.json({ liked: true, like_count: post.like_count });
  }),
  http.get(`${BASE}/posts/:postId/comments`, ({ request, params }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    const items = boardState.comments.filter((comment) => comment.post_id === params.postId);
    return HttpResponse.json({ items, next_cursor: null });
  }),
  http.post(`${BASE}/posts/:postId/comments`, async ({ request, params }) => {
    const member = requireMember(request);
    if ('error' in member) return member.error;
    const body = (await request.json()) as Schemas['CommentCreate'];
    const profile = db.profiles.get(member.id);
    const comment: Comment = {
      id: nextId(),
      post_id: String(params.postId),
      parent_id: body.parent_id ?? null,
      state: 'visible',
      author: { id: member.id, nickname: profile?.nickname ?? '나', deleted: false, photo_url: null },
      content: body.content,
      created_at: new Date().toISOString(),
      edited_at: null,
      like_count: 0,
      liked_by_me: false,
      is_mine: true,
    };
    boardState.comments.push(comment);
    return HttpResponse.json(comment, { status: 201 });
  }),
  // The real-time stream: no events in these tests.
  http.get('/api/v1/realtime/stream', () => new HttpResponse(': connected\n\n', { headers: { 'Content-Type': 'text/event-stream' } })),
];
