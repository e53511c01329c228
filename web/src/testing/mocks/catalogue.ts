import type { LabelRead, Region } from '@/features/member/api/types';

/** A slice of the back end's catalogues, enough for the UI tests. */
export const OWNER_TRAITS: LabelRead[] = [
  { code: 'introverted', ko: '내향적', en: 'Introverted' },
  { code: 'outgoing', ko: '적극적', en: 'Outgoing' },
  { code: 'calm', ko: '차분함', en: 'Calm' },
  { code: 'early_bird', ko: '아침형', en: 'Early bird' },
];

export const DOG_TRAITS: LabelRead[] = [
  { code: 'shy', ko: '소심함', en: 'Shy' },
  { code: 'playful', ko: '활발함', en: 'Playful' },
  { code: 'good_with_big_dogs', ko: '큰 개와 잘 지냄', en: 'Good with big dogs' },
  { code: 'loves_walks', ko: '산책 좋아함', en: 'Loves walks' },
];

export const BREEDS: LabelRead[] = [
  { code: 'maltese', ko: '말티즈', en: 'Maltese' },
  { code: 'poodle', ko: '푸들', en: 'Poodle' },
  { code: 'mixed', ko: '믹스견', en: 'Mixed breed' },
  { code: 'jindo', ko: '진돗개', en: 'Jindo' },
  { code: 'golden_retriever', ko: '골든 리트리버', en: 'Golden Retriever' },
];

export interface RegionPoint extends Region {
  latitude: number;
  longitude: number;
}

export const REGIONS: RegionPoint[] = [
  {
    code: '1111051500',
    name: '청운효자동',
    full_name: '서울특별시 종로구 청운효자동',
    latitude: 37.5841,
    longitude: 126.9706,
  },
  {
    code: '1111053000',
    name: '사직동',
    full_name: '서울특별시 종로구 사직동',
    latitude: 37.5733,
    longitude: 126.9688,
  },
  {
    code: '1168064000',
    name: '역삼1동',
    full_name: '서울특별시 강남구 역삼1동',
    latitude: 37.4954,
    longitude: 127.0333,
  },
];

export function matches(label: { ko: string; en: string; code: string }, query: string): boolean {
  const wanted = query.replace(/\s/g, '').toLowerCase();
  if (wanted === '') return true;
  return (
    label.ko.replace(/\s/g, '').includes(wanted) ||
    label.en.toLowerCase().replace(/\s/g, '').includes(wanted) ||
    label.code.includes(wanted)
  );
}
