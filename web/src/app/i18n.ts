import accountEn from '@/features/account/locales/en.json';
import accountKo from '@/features/account/locales/ko.json';
import adminEn from '@/features/admin/locales/en.json';
import adminKo from '@/features/admin/locales/ko.json';
import authEn from '@/features/auth/locales/en.json';
import authKo from '@/features/auth/locales/ko.json';
import boardEn from '@/features/board/locales/en.json';
import boardKo from '@/features/board/locales/ko.json';
import clubEn from '@/features/club/locales/en.json';
import clubKo from '@/features/club/locales/ko.json';
import friendsEn from '@/features/friends/locales/en.json';
import friendsKo from '@/features/friends/locales/ko.json';
import hospitalEn from '@/features/hospital/locales/en.json';
import hospitalKo from '@/features/hospital/locales/ko.json';
import meetupEn from '@/features/meetup/locales/en.json';
import meetupKo from '@/features/meetup/locales/ko.json';
import memberEn from '@/features/member/locales/en.json';
import memberKo from '@/features/member/locales/ko.json';
import trustEn from '@/features/trust/locales/en.json';
import trustKo from '@/features/trust/locales/ko.json';
import { createI18n, type LocaleBundle } from '@/lib/i18n';

/** Every feature's strings, one namespace per feature (plus `common` from lib). */
export const featureLocales: Record<string, LocaleBundle> = {
  auth: { ko: authKo, en: authEn },
  member: { ko: memberKo, en: memberEn },
  friends: { ko: friendsKo, en: friendsEn },
  account: { ko: accountKo, en: accountEn },
  admin: { ko: adminKo, en: adminEn },
  hospital: { ko: hospitalKo, en: hospitalEn },
  trust: { ko: trustKo, en: trustEn },
  board: { ko: boardKo, en: boardEn },
  club: { ko: clubKo, en: clubEn },
  meetup: { ko: meetupKo, en: meetupEn },
};

export function createAppI18n() {
  return createI18n(featureLocales);
}
