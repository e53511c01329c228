import type { Schemas } from '@/lib/api-client';

export type FriendRead = Schemas['FriendRead'];
export type BlockRead = Schemas['BlockRead'];
export type MemberRef = Schemas['MemberRef'];
