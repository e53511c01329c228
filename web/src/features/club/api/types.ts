import type { Schemas } from '@/lib/api-client';

export type Club = Schemas['ClubRead'];
export type ClubPage = Schemas['ClubPage'];
export type ClubCreate = Schemas['ClubCreate'];
export type Topic = Schemas['Topic'];
export type Schedule = Schemas['ScheduleRead'];
export type SchedulePage = Schemas['SchedulePage'];
export type ScheduleCreate = Schemas['ScheduleCreate'];
export type Upcoming = Schemas['UpcomingSchedule'];
export type UpcomingPage = Schemas['UpcomingPage'];
export type Post = Schemas['ClubPostRead'];
export type PostPage = Schemas['ClubPostPage'];
export type Photo = Schemas['AlbumPhotoRead'];
export type AlbumPage = Schemas['AlbumPage'];
export type Member = Schemas['MemberRead'];
export type MemberPage = Schemas['MemberPage'];
export type ChatMessage = Schemas['MessageRead'];
export type MessagePage = Schemas['MessagePage'];
export type Board = 'notice' | 'free';

export const TOPICS: readonly Topic[] = ['walk', 'training', 'play', 'breed', 'sports', 'care', 'other'];
export type JoinResult = Schemas['JoinResult'];
