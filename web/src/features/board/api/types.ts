import type { Schemas } from '@/lib/api-client';

export type Post = Schemas['PostRead'];
export type PostSummary = Schemas['PostSummaryRead'];
export type PostPage = Schemas['PostPage'];
export type SearchPage = Schemas['SearchPage'];
export type PostCreate = Schemas['PostCreate'];
export type PostUpdate = Schemas['PostUpdate'];
export type Comment = Schemas['CommentRead'];
export type CommentPage = Schemas['CommentPage'];
export type Author = Schemas['AuthorRead'];
export type PostMedia = Schemas['PostMediaRead'];
export type Like = Schemas['LikeRead'];

/** Categories one writes in; 인기글 (`popular`) is computed. */
export type Category = Post['category'];
export const CATEGORIES: readonly Category[] = ['topic', 'humour', 'dog_show', 'meetup_review'];
/** The board's tabs: 인기글 first, then every category, then all of them. */
export type BoardTab = Category | 'popular' | 'all';
export const TABS: readonly BoardTab[] = ['popular', 'all', ...CATEGORIES];

export type Scope = 'dong' | 'district' | 'all';
export const SCOPES: readonly Scope[] = ['dong', 'district', 'all'];

export function isBoardTab(value: string | null): value is BoardTab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

export function isScope(value: string | null): value is Scope {
  return value !== null && (SCOPES as readonly string[]).includes(value);
}
