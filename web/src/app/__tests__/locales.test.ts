import { describe, expect, it } from 'vitest';

import commonEn from '@/lib/locales/en.json';
import commonKo from '@/lib/locales/ko.json';

import { featureLocales } from '../i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const bundles = { ...featureLocales, common: { ko: commonKo, en: commonEn } };

describe('locales', () => {
  it.each(Object.entries(bundles))('%s has the same keys in Korean and English', (_ns, bundle) => {
    expect(keys(bundle.en).sort()).toEqual(keys(bundle.ko).sort());
  });

  it.each(Object.entries(bundles))('%s has no empty strings', (_ns, bundle) => {
    for (const language of ['ko', 'en'] as const) {
      const flat = JSON.stringify(bundle[language]);
      expect(flat).not.toContain('""');
    }
  });
});
