import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type {
  BoardTab,
  Comment,
  CommentPage,
  Like,
  Post,
  PostCreate,
  PostPage,
  PostUpdate,
  Scope,
  SearchPage,
} from './types';

const BASE = '/api/v1/board';

export const boardKeys = {
  all: ['board'] as const,
  lists: () => [...boardKeys.all, 'list'] as const,
  list: (tab: BoardTab, scope: Scope, query: string) => [...boardKeys.lists(), tab, scope, query] as const,
  post: (id: string) => [...boardKeys.all, 'post', id] as const,
  comments: (id: string) => [...boardKeys.all, 'comments', id] as const,
};

interface ListParams {
  tab: BoardTab;
  scope: Scope;
  /** Search words; empty lists the tab. */
  query: string;
  limit?: number;
}

/** A page of the tab (인기글, one category or all), or of search results. */
export function getPosts(
  { tab, scope, query, limit = 20 }: ListParams,
  cursor: string | null,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PostPage | SearchPage> {
  const params = new URLSearchParams({ scope, limit: String(limit) });
  if (cursor !== null) params.set('cursor', cursor);
  const category = tab === 'popular' || tab === 'all' ? null : tab;
  if (query.trim() !== '') {
    params.set('q', query.trim());
    if (category !== null) params.set('category', category);
    return api.get<SearchPage>(`${BASE}/search?${params.toString()}`, { signal });
  }
  if (tab === 'popular') return api.get<PostPage>(`${BASE}/popular?${params.toString()}`, { signal });
  if (category !== null) params.set('category', category);
  return api.get<PostPage>(`${BASE}/posts?${params.toString()}`, { signal });
}

export function usePosts(params: ListParams) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...boardKeys.list(params.tab, params.scope, params.query), params.limit ?? 20],
      queryFn: ({ pageParam, signal }) => getPosts(params, pageParam, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

export function usePost(postId: string) {
  return useQuery({
    queryKey: boardKeys.post(postId),
    queryFn: ({ signal }) => api.get<Post>(`${BASE}/posts/${encodeURIComponent(postId)}`, { signal }),
  });
}

export function useComments(postId: string) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: boardKeys.comments(postId),
      queryFn: ({ pageParam, signal }) => {
        const params = new URLSearchParams({ limit: '50' });
        if (pageParam !== null) params.set('cursor', pageParam);
        return api.get<CommentPage>(`${BASE}/posts/${encodeURIComponent(postId)}/comments?${params.toString()}`, {
          signal,
        });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor ?? null,
    }),
  );
}

export function useCreatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PostCreate) => api.post<Post>(`${BASE}/posts`, body),
    onSuccess: (post) => {
      queryClient.setQueryData(boardKeys.post(post.id), post);
      void queryClient.invalidateQueries({ queryKey: boardKeys.lists() });
    },
  });
}

export function useUpdatePost(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PostUpdate) => api.patch<Post>(`${BASE}/posts/${encodeURIComponent(postId)}`, body),
    onSuccess: (post) => {
      queryClient.setQueryData(boardKeys.post(post.id), post);
      void queryClient.invalidateQueries({ queryKey: boardKeys.lists() });
    },
  });
}

export function useDeletePost(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>(`${BASE}/posts/${encodeURIComponent(postId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: boardKeys.lists() }),
  });
}

export function usePostLike(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (like: boolean) =>
      like
        ? api.put<Like>(`${BASE}/posts/${encodeURIComponent(postId)}/like`)
        : api.delete<Like>(`${BASE}/posts/${encodeURIComponent(postId)}/like`),
    onSuccess: (like) => {
      queryClient.setQueryData<Post>(boardKeys.post(postId), (post) =>
        post === undefined ? post : { ...post, liked_by_me: like.liked, like_count: like.like_count },
      );
    },
  });
}

export function useCommentLike(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, like }: { commentId: string; like: boolean }) =>
      like
        ? api.put<Like>(`${BASE}/comments/${encodeURIComponent(commentId)}/like`)
        : api.delete<Like>(`${BASE}/comments/${encodeURIComponent(commentId)}/like`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: boardKeys.comments(postId) }),
  });
}

export function useWriteComment(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { content: string; parent_id?: string }) =>
      api.post<Comment>(`${BASE}/posts/${encodeURIComponent(postId)}/comments`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: boardKeys.comments(postId) });
      void queryClient.invalidateQueries({ queryKey: boardKeys.post(postId) });
    },
  });
}

export function useDeleteComment(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => api.delete<undefined>(`${BASE}/comments/${encodeURIComponent(commentId)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: boardKeys.comments(postId) });
      void queryClient.invalidateQueries({ queryKey: boardKeys.post(postId) });
    },
  });
}

export function useHide(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id, reason }: { kind: 'posts' | 'comments'; id: string; reason: string }) =>
      api.post<undefined>(`${BASE}/admin/${kind}/${encodeURIComponent(id)}/hide`, { reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: boardKeys.post(postId) });
      void queryClient.invalidateQueries({ queryKey: boardKeys.comments(postId) });
      void queryClient.invalidateQueries({ queryKey: boardKeys.lists() });
    },
  });
}
