import type { Schemas } from '@/lib/api-client';

export type Meetup = Schemas['MeetupRead'];
export type MeetupDetail = Schemas['MeetupDetailRead'];
export type MeetupPage = Schemas['MeetupPage'];
export type MeetupCreate = Schemas['MeetupCreate'];
export type MeetupSettings = Schemas['MeetupSettingsRead'];
export type CalendarDays = Schemas['CalendarRead'];
export type JoinResult = Schemas['JoinRead'];
export type Participant = Schemas['ParticipantRead'];
export type MyRating = Schemas['MyRatingRead'];
export type CheckInCode = Schemas['CheckInCodeRead'];
export type DogSize = 'small' | 'medium' | 'large';
export type TimeOfDay = 'morning' | 'afternoon' | 'evening' | 'night';
export type Region = 'dong' | 'sgg' | 'distance';

/** The calendar's filters; they live in the URL so a filtered view can be shared. */
export interface MeetupFilters {
  region: Region;
  distanceKm: number;
  timeOfDay: TimeOfDay | null;
  freeOnly: boolean;
  dogSize: DogSize | null;
  quiet: boolean;
}
