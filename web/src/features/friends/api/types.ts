import type { Schemas } from '@/lib/api-client';

export type FriendRead = Schemas['FriendRead'];
export type FriendPage = Schemas['FriendPage'];
export type BlockRead = Schemas['BlockRead'];
export type BlockPage = Schemas['BlockPage'];
export type MemberRef = Schemas['MemberRef'];
