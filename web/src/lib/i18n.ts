import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

import commonEn from './locales/en.json';
import commonKo from './locales/ko.json';
import { ApiProblem, CLIENT_ERROR_CODES, type FieldError } from './problem';

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ko';
export const LANGUAGE_STORAGE_KEY = 'mungmo.language';

/** One namespace's strings in every supported language. */
export type LocaleBundle = Record<Language, Record<string, unknown>>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for the visit.
  }
}

/**
 * Creates the i18n instance. `namespaces` are the features' bundles; the shared
 * `common` namespace (app shell, shared components, generic errors) is added here.
 * Korean is the default and the fallback.
 */
export function createI18n(namespaces: Record<string, LocaleBundle>): I18n {
  const all: Record<string, LocaleBundle> = { ...namespaces, common: { ko: commonKo, en: commonEn } };
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const language of LANGUAGES) {
    resources[language] = {};
    for (const [ns, bundle] of Object.entries(all)) {
      resources[language][ns] = bundle[language];
    }
  }
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: readStoredLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(all),
    defaultNS: 'common',
    fallbackNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  instance.on('languageChanged', applyLanguage);
  document.documentElement.lang = instance.language;
  return instance;
}

function allNamespaces(i18n: I18n): string[] {
  const ns = i18n.options.ns;
  if (Array.isArray(ns)) return [...(ns as string[])];
  return typeof ns === 'string' ? [ns] : ['common'];
}

/**
 * The message to show for an error: `errors.<code>` from any namespace, then
 * the server's detail, then a generic message.
 */
export function translateProblem(i18n: I18n, error: unknown): string {
  const ns = allNamespaces(i18n);
  if (!(error instanceof ApiProblem)) {
    return i18n.t(`errors.${CLIENT_ERROR_CODES.unknown}`, { ns });
  }
  if (error.code === 'rate_limited' && error.retryAfter !== undefined) {
    return i18n.t('errors.rate_limited_retry', { ns, seconds: error.retryAfter });
  }
  const fallback = error.detail ?? i18n.t(`errors.${CLIENT_ERROR_CODES.unknown}`, { ns });
  return i18n.t(`errors.${error.code}`, { ns, defaultValue: fallback });
}

/**
 * The message for one field: `fieldErrors.<field>.<code>`, then `errors.<code>`,
 * then the server's message.
 */
export function translateFieldError(i18n: I18n, error: FieldError): string {
  const ns = allNamespaces(i18n);
  const fallback =
    error.message !== '' ? error.message : i18n.t(`errors.${CLIENT_ERROR_CODES.unknown}`, { ns });
  return i18n.t([`fieldErrors.${error.field}.${error.code}`, `errors.${error.code}`], {
    ns,
    defaultValue: fallback,
  });
}
